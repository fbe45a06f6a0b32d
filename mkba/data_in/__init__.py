"""data_in layer: everything read from files into core objects: YAML with line numbers
(yamlio), case files and workbooks (cases, xlsx), include: and draws files, unit costs and the
CPI, and estimates from data (registrations, monitor). Problems are located codes; imports core only."""
