"""analysis layer: what is computed from simulated results: comparisons of options (scenarios),
decision measures (decision: P(best), EVPI), value of information (evppi), sensitivity methods
(sensitivity/) and the regional comparison. Returns data and codes, never sentences; imports
core and data_in only."""
