"""The device mesh: named axes (fsdp, tp) over every device, parameters and batches sharded on it.

Gemma's parameters carry partition specs over 'fsdp' and 'tp'; batches split their rows over
'fsdp'. A mesh must use every device exactly once, so sizes that do not multiply to the device
count are refused before anything is loaded.
"""

from __future__ import annotations

import jax

from curate.errors import CurateError
from train.config import parse_mesh

AXES = ("fsdp", "tp")


def mesh_shape(spec: str | None, devices: int) -> dict[str, int]:
    """Axis sizes for `spec` on `devices` devices; None means fsdp over all of them."""
    if spec is None:
        return {"fsdp": devices, "tp": 1}
    sizes = parse_mesh(spec)
    if sizes["fsdp"] * sizes["tp"] != devices:
        raise CurateError(
            f"--mesh {spec} needs {sizes['fsdp'] * sizes['tp']} devices but {devices} are available: "
            f"fsdp x tp must equal the device count"
        )
    return sizes


def build_mesh(spec: str | None, batch_size: int | None = None) -> jax.sharding.Mesh:
    """The mesh; with `batch_size`, also check that a batch's rows split evenly over fsdp."""
    sizes = mesh_shape(spec, jax.device_count())
    if batch_size is not None and batch_size % sizes["fsdp"]:
        raise CurateError(
            f"--batch-size {batch_size} does not split over fsdp={sizes['fsdp']} devices: "
            f"use a multiple of {sizes['fsdp']}"
        )
    return jax.make_mesh(
        tuple(sizes[a] for a in AXES), AXES, axis_types=(jax.sharding.AxisType.Auto,) * len(AXES)
    )


def device_info() -> dict:
    device = jax.devices()[0]
    return {
        "kind": device.device_kind,
        "platform": device.platform,
        "count": jax.device_count(),
        "processes": jax.process_count(),
    }
