"""Evidence of the ethics programme: the fiscal-year report, the ITA catalogue, dashboards and exports."""
