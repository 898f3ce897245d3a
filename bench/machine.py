"""What machine a bench ran on: the same code runs 2-3x apart on the CPUs this project has been measured on.

The encoder multiplies in bfloat16 where the CPU does that in hardware (AVX-512 BF16 or AMX) and in
float32 elsewhere (see ``newsprism.nlp.bert``), so the CPU's model and that capability go with every
result file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def machine() -> dict[str, Any]:
    """CPU model, cores and whether the encoder's matrix products run in bfloat16 here."""
    from newsprism.nlp.bert import native_bfloat16

    info = _cpuinfo()
    flags = set(info.get("flags", "").split())
    return {
        # A virtual machine may name only the maker's line ("AMD EPYC"): family and model tell the generation.
        "cpu": f"{info.get('model name', '')} (family {info.get('cpu family', '?')}, model {info.get('model', '?')})",
        "cpus": os.cpu_count(),
        "avx512": "avx512f" in flags,
        "native_bfloat16": native_bfloat16(),
    }


def _cpuinfo() -> dict[str, str]:
    """The first processor's fields in /proc/cpuinfo (empty where there is none)."""
    fields: dict[str, str] = {}
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return fields
    for line in lines:
        if not line.strip():
            break
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    return fields
