"""Map stages: each turns a polars batch into a polars batch, marking the rows it rejects."""
