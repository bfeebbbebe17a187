"""keras-tuner on tf_keras: why a plain import fails, and that tfasc.tune's import works."""

import subprocess
import sys
import textwrap

import numpy as np

from tfasc.keras import keras
from tfasc.tune import kt


def test_keras_tuner_searches_tf_keras_models(tmp_path):
    from keras_tuner.src.backend import config as backend_config
    from keras_tuner.src.backend import keras as backend_keras

    assert not backend_config.multi_backend() and backend_config.backend() == "tensorflow"
    assert backend_keras.Model is keras.Model  # keras-tuner's Keras is tf_keras
    assert sys.modules.get("keras") is not keras  # `import keras` is Keras 3 again

    def build(hp):
        model = keras.Sequential(
            [keras.Input((4,)), keras.layers.Dense(hp.Choice("units", [2, 3])),
             keras.layers.Dense(1)]
        )  # fmt: skip
        model.compile("sgd", "mse")
        return model

    tuner = kt.RandomSearch(
        build, objective="val_loss", max_trials=2, directory=tmp_path, seed=0, overwrite=True
    )
    x = np.random.default_rng(0).standard_normal((16, 4)).astype(np.float32)
    tuner.search(x, x[:, :1], validation_data=(x, x[:, :1]), epochs=1, verbose=0)
    trials = tuner.oracle.trials.values()
    assert sorted(t.hyperparameters["units"] for t in trials) == [2, 3]
    assert all(t.status == "COMPLETED" and np.isfinite(t.score) for t in trials)


def test_a_plain_import_picks_keras_3_and_rejects_tf_keras_models(tmp_path):
    """The bug tfasc.tune works around (keras-tuner #1039/#1027): without the swap,
    keras-tuner takes Keras 3 and refuses a tf_keras model; importing tfasc.tune after such
    an import says what to do instead of failing later."""
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["TF_USE_LEGACY_KERAS"] = "1"
        import numpy as np
        import tf_keras
        import keras_tuner
        from keras_tuner.src.backend import config
        print("multi_backend", bool(config.multi_backend()))

        def build(hp):
            model = tf_keras.Sequential([tf_keras.Input((4,)), tf_keras.layers.Dense(1)])
            model.compile("sgd", "mse")
            return model

        tuner = keras_tuner.RandomSearch(build, objective="loss", max_trials=1,
                                         directory=sys.argv[1])
        try:
            tuner.search(np.zeros((4, 4)), np.zeros((4, 1)), epochs=1, verbose=0)
        except keras_tuner.errors.FatalTypeError as error:
            print("rejected:", str(error).splitlines()[0])
        try:
            import tfasc.tune
        except ImportError as error:
            print("tfasc.tune:", error)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "multi_backend True" in out.stdout
    assert "rejected: Expected the model-building function" in out.stdout
    assert "valid Keras Model instance" in out.stdout
    assert "tfasc.tune: keras_tuner was imported on Keras 3 before tfasc.tune" in out.stdout
