"""Configuration classes; every value can come from an ETHICS_HR_* environment variable."""

from __future__ import annotations

import os
from pathlib import Path

DEV_SECRET_KEY = "dev-only-not-secret"
# A random key of 32 characters has far more distinct ones than this (hex: about 14 of 16); "a" * 32 or
# "abab..." has one or two.
MIN_SECRET_KEY_LENGTH = 32
MIN_SECRET_KEY_DISTINCT = 8
HSTS_ONE_YEAR = "31536000"


def env(name: str, default: str | None = None) -> str | None:
    """Read one ETHICS_HR_ setting from the environment."""
    return os.environ.get(f"ETHICS_HR_{name}", default)


def env_count(name: str, default: int) -> int:
    """Read a whole number of zero or more; anything else stops the start with the setting's name."""
    value = env(name)
    if value is None:
        return default
    text = value.strip()
    if not text.isascii() or not text.isdigit():
        raise RuntimeError(f"ETHICS_HR_{name} must be a whole number of zero or more, not {value!r}")
    return int(text)


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Settings common to every environment; read when the class is instantiated, never at import."""

    def __init__(self) -> None:
        # The instance folder belongs to the installation, not to the code: by default the current directory's
        # instance/ (the checkout's root under `make run`), never a folder inside site-packages.
        instance = Path(env("INSTANCE_PATH", str(Path.cwd() / "instance")))
        self.INSTANCE_PATH = str(instance)
        self.SECRET_KEY = env("SECRET_KEY", DEV_SECRET_KEY)
        self.SQLALCHEMY_DATABASE_URI = env("DATABASE_URL", f"sqlite:///{instance / 'ethics_hr.sqlite'}")
        self.SQLALCHEMY_ENGINE_OPTIONS: dict = {}
        self.UPLOAD_FOLDER = env("UPLOAD_FOLDER", str(instance / "uploads"))
        self.MAX_UPLOAD_BYTES = int(env("MAX_UPLOAD_MB", "10")) * 1024 * 1024
        # The request limit is twice the file limit and room for the form: a file up to twice as large reaches
        # the form, which shows the limit next to the file field and keeps what was typed; only a larger one
        # gets the 413 page. Werkzeug spools a large file to disk, not to memory.
        self.MAX_CONTENT_LENGTH = 2 * self.MAX_UPLOAD_BYTES + 1024 * 1024
        self.RATELIMIT_STORAGE_URI = env("RATELIMIT_STORAGE_URI", "memory://")
        self.RATELIMIT_HEADERS_ENABLED = True
        # How many reverse proxies in front of the application add themselves to X-Forwarded-For (and set
        # X-Forwarded-Proto). 0: the headers are ignored and the address is the connection's, since any client
        # can write them; set it only when every request arrives through those proxies.
        self.TRUSTED_PROXIES = env_count("TRUSTED_PROXIES", 0)
        # Failed logins. A stranger must not be able to lock out an account or an office with them: guesses at
        # one account from one address, or from a browser where the account logged in before (known device);
        # guesses from one address at any names; and a ceiling per account, high enough that a flood from many
        # addresses cannot stop the user's known browsers, which it does not apply to.
        self.LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS = env(
            "LOGIN_LIMIT_PER_ACCOUNT_AND_ADDRESS", "5 per 15 minutes"
        )
        self.LOGIN_LIMIT_PER_ADDRESS = env("LOGIN_LIMIT_PER_ADDRESS", "30 per 15 minutes")
        self.LOGIN_LIMIT_PER_ACCOUNT = env("LOGIN_LIMIT_PER_ACCOUNT", "200 per day")
        self.KNOWN_DEVICE_DAYS = env_count("KNOWN_DEVICE_DAYS", 180)
        # Administrators and personnel officers must log in with a second factor (an authenticator app) and
        # can use nothing else until they have set it up. On in production; others may turn it on themselves.
        self.REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", False)
        self.BABEL_DEFAULT_LOCALE = "th"
        self.BABEL_DEFAULT_TIMEZONE = "Asia/Bangkok"
        self.BOOTSTRAP_SERVE_LOCAL = True
        self.BOOTSTRAP_BOOTSWATCH_THEME = None
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.REMEMBER_COOKIE_SAMESITE = "Lax"
        self.WTF_CSRF_ENABLED = True
        self.WTF_CSRF_TIME_LIMIT = None
        self.ACTIVATION_DAYS = int(env("ACTIVATION_DAYS", "14"))
        self.BASE_URL = env("BASE_URL", "http://127.0.0.1:5000")
        self.MAIL_SERVER = env("MAIL_SERVER", "")
        self.MAIL_PORT = int(env("MAIL_PORT", "25"))
        self.MAIL_SENDER = env("MAIL_SENDER", "ethics-hr@localhost")
        self.RUN_SCHEDULER = False
        self.PER_PAGE = 25
        # Strict-Transport-Security's max-age in seconds; 0 sends none. Never sent in debug or testing.
        self.HSTS_SECONDS = int(env("HSTS_SECONDS", "0"))

    def validate(self) -> None:
        """Refuse settings that are unsafe for this environment."""


class DevelopmentConfig(Config):
    def __init__(self) -> None:
        super().__init__()
        self.DEBUG = False


class TestingConfig(Config):
    def __init__(self) -> None:
        super().__init__()
        self.TESTING = True
        self.WTF_CSRF_ENABLED = False
        self.RATELIMIT_STORAGE_URI = "memory://"
        # Cheap hashing keeps the suite fast; production keeps Werkzeug's default scrypt cost.
        self.PASSWORD_HASH_METHOD = "scrypt:1024:8:1"


class ProductionConfig(Config):
    def __init__(self) -> None:
        super().__init__()
        self.SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
        self.REQUIRE_TWO_FACTOR = env_bool("REQUIRE_TWO_FACTOR", True)
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.SQLALCHEMY_DATABASE_URI = env("DATABASE_URL")
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        self.HSTS_SECONDS = int(env("HSTS_SECONDS", HSTS_ONE_YEAR))

    def validate(self) -> None:
        key = self.SECRET_KEY or ""
        if (
            key == DEV_SECRET_KEY
            or len(key) < MIN_SECRET_KEY_LENGTH
            or len(set(key)) < MIN_SECRET_KEY_DISTINCT
        ):
            raise RuntimeError(
                "ETHICS_HR_SECRET_KEY must be a random value of at least 32 characters (this one is missing, "
                "too short or too repetitive); make one with: "
                "python -c 'import secrets; print(secrets.token_hex(32))'"
            )
        if not self.SQLALCHEMY_DATABASE_URI:
            raise RuntimeError("ETHICS_HR_DATABASE_URL must be set in production")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_for(name: str) -> Config:
    """The settings of the environment named by ETHICS_HR_ENV; an unknown name says which ones there are."""
    if name not in CONFIGS:
        raise RuntimeError(f"ETHICS_HR_ENV={name!r} is not an environment: use one of {', '.join(CONFIGS)}")
    return CONFIGS[name]()
