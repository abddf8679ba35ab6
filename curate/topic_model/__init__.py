"""The learned topic classifier: features (features.py), model and weights (model.py,
weights.safetensors) and its training command (train.py)."""

from curate.topic_model.model import TopicModel

__all__ = ["TopicModel"]
