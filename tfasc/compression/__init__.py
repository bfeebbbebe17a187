"""Compression of zoo models with tensorflow-model-optimization (tfmot)."""
