"""Compilation dominates the tiny models' tests on CPU: skip LLVM's costly passes (as the subprocess
runs in test_train_helpers do). Set before any test module imports jax; an XLA_FLAGS already in the
environment wins."""

import os

from test_train_helpers import FAST_COMPILE

os.environ.setdefault("XLA_FLAGS", FAST_COMPILE)
