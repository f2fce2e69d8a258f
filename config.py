"""The settings moved into the package (ethics_hr.config); this name stays for scripts importing `config`."""

from ethics_hr.config import (  # noqa: F401
    CONFIGS,
    DEV_SECRET_KEY,
    Config,
    DevelopmentConfig,
    ProductionConfig,
    TestingConfig,
    env,
    env_bool,
)
