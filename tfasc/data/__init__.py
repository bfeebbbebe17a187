"""TAU data: loaders, audio reading, feature cache and the synthetic TAU generator."""
