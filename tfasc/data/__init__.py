"""TAU data: loaders (``tau``), audio reading and its length policy (``audio``), and the
synthetic TAU generator (``synth``). Features and their cache live one layer up, in
``tfasc.features`` and ``tfasc.feature_cache``."""
