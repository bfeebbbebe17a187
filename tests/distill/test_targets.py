"""Distillation inside model.fit: cached teacher targets, mixup, the mirrored strategy, the
embedding head left out of checkpoints and export, and refused teachers."""

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from tests.distill.conftest import student_config
from tfasc import complexity, config, distill, export, models, train
from tfasc import run as runs
from tfasc.keras import keras


def test_logit_distillation_trains_on_the_cached_ensemble(synth_tau, feature_cache, tmp_path,
                                                          teacher_runs):  # fmt: skip
    settings = student_config(synth_tau, feature_cache, tmp_path / "student", **{
        "distill.teachers": list(map(str, teacher_runs.values())), "distill.temperature": 3.0})  # fmt: skip
    result = train.train(settings, progress=False)
    assert result.epochs_trained == 1
    # The logged validation loss is DistillationLoss of the checkpoint against the cached
    # ensemble targets at T = 3 (λ = 0.02).
    run = result.run
    teachers = distill.load_teachers(settings.distill.teachers, run.frontend)
    features = run.features("evaluate", progress=False)
    targets = distill.pack_targets(
        features.labels, distill.soft_targets(distill.ensemble_logits(
            teachers, run, "evaluate", features), 3.0))  # fmt: skip
    logits = run.load_model("last").predict(features.features, verbose=0)
    loss = distill.DistillationLoss(0.02, 3.0)(targets, logits).numpy()
    assert loss == pytest.approx(result.history["val_loss"][-1], rel=1e-4)


def test_embedding_distillation_exports_exactly_the_student(synth_tau, feature_cache, tmp_path,
                                                            teacher_runs):  # fmt: skip
    settings = student_config(synth_tau, feature_cache, tmp_path / "student", **{
        "distill.embedding_teacher": str(teacher_runs["bcresnet_mod_teacher"]),
        "distill.embedding_loss": "cosine", "augment.mixup_p": 1.0})  # fmt: skip
    result = train.train(settings, progress=False)
    plain = models.build("dcase2022_baseline")
    for which in ("best", "last"):
        saved = result.run.load_model(which)
        assert [w.shape for w in saved.weights] == [w.shape for w in plain.weights]
        assert not any("projection" in layer.name for layer in saved.layers)
    # The exported model is the plain student architecture with the trained weights: the
    # same parameters, byte for byte, as converting that student directly.
    plain.set_weights(result.run.load_model("best").get_weights())
    exported = export.export_run(result.run_dir, config.ExportConfig(mode="float32"))
    reference = export.to_tflite(plain, "float32", None)
    assert (
        complexity.tflite_complexity(exported).summary()
        == complexity.tflite_complexity(reference).summary()
    )
    assert complexity.tflite_complexity(exported).summary()["params"] == 45990


def test_a_teacher_on_another_front_end_leaves_no_run(synth_tau, feature_cache, tmp_path):
    wide = runs.prepare(student_config(synth_tau, feature_cache, tmp_path / "wide", **{
        "model.name": "cp_resnet_teacher"})).initialize()  # fmt: skip
    out = tmp_path / "student"
    settings = student_config(synth_tau, feature_cache, out, **{
        "distill.teachers": [str(wide.directory)]})  # fmt: skip
    with pytest.raises(distill.TeacherError, match="front end differs from the student's"):
        train.train(settings, progress=False)
    assert not out.exists()


def test_distillation_with_mixup_under_the_mirrored_strategy(synth_tau, feature_cache, tmp_path,
                                                             teacher_runs):  # fmt: skip
    script = textwrap.dedent(
        f"""
        from tfasc import config, evaluate, train
        strategy = train.make_strategy("mirrored", cpu_replicas=2)
        print("REPLICAS", strategy.num_replicas_in_sync)
        settings = config.TrainConfig(
            data=config.DataConfig(root={str(synth_tau)!r}, cache_dir={str(feature_cache)!r}),
            optimizer=config.OptimizerConfig(epochs=1, batch_size=16),
            augment=config.AugmentConfig(mixup_p=1.0),
            distill=config.DistillConfig(teachers={list(map(str, teacher_runs.values()))!r}),
            runtime=config.RuntimeConfig(strategy="mirrored", cpu_replicas=2),
            out_dir={str(tmp_path / "run")!r})
        result = train.train(settings, progress=False)
        report = evaluate.evaluate_run(result.run_dir, progress=False)
        print("LOGGED", result.history["val_macro_accuracy"][-1], "EVALUATED", report["macro_accuracy"])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "CUDA_VISIBLE_DEVICES": ""})  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "REPLICAS 2" in done.stdout
    logged, evaluated = (float(x) for x in done.stdout.split("LOGGED")[1].split()[::2])
    assert evaluated == pytest.approx(logged, abs=1e-6)


def test_targets_without_teachers(synth_tau, feature_cache, tmp_path):
    run = runs.prepare(student_config(synth_tau, feature_cache, tmp_path / "s"))
    train_set = run.features("train", progress=False)
    val_set = run.features("evaluate", progress=False)
    none = distill.check_teachers(run)
    sparse = distill.training_targets(run, none, train_set, val_set, dense=False)
    np.testing.assert_array_equal(sparse.train, train_set.labels)
    dense = distill.training_targets(run, none, train_set, val_set, dense=True)
    np.testing.assert_array_equal(dense.validation, np.eye(10)[val_set.labels])
    assert isinstance(dense.loss, keras.losses.CategoricalCrossentropy)
    assert dense.embedding_dim is None
