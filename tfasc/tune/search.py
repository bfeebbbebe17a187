"""``tune()``: a budget-constrained search through ``model.fit``, its result and report.

Distributed search uses keras-tuner's chief/worker mode: with ``KERASTUNER_TUNER_ID``
(``chief`` for the chief, e.g. ``tuner0`` for a worker), ``KERASTUNER_ORACLE_IP`` and
``KERASTUNER_ORACLE_PORT`` set, the chief serves the oracle (the budget check runs there)
and the workers train the trials; the chief returns the results.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import pathlib
import shutil
import sys

import tfasc
from tfasc import SCENES, atomic, augment, config, distill
from tfasc import run as runs
from tfasc.train import make_strategy
from tfasc.tune.backend import distribute, kt
from tfasc.tune.oracle import BudgetBayesianOptimization, BudgetRandomSearch, _BudgetOracle
from tfasc.tune.space import SEARCH_SPACES, FamilyHyperModel, search_space

OBJECTIVE = "val_macro_accuracy"
"""Validation class-macro accuracy (the DCASE ranking metric), maximized."""


class TuneError(ValueError):
    """A search that cannot run as asked (directory, environment); the message says why."""


class _Tuner(kt.Tuner):
    """keras-tuner's Tuner, recording which trials this process trained."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.trained: list[str] = []

    def run_trial(self, trial, *args, **kwargs):
        self.trained.append(trial.trial_id)
        return super().run_trial(trial, *args, **kwargs)


def distributed_role() -> str:
    """``standalone``, ``chief`` or ``worker`` from keras-tuner's environment variables.

    Raises:
        TuneError: ``KERASTUNER_ORACLE_IP`` is set without a port or tuner id, or the port
            is not a number from 1 to 65535.
    """
    if "KERASTUNER_ORACLE_IP" not in os.environ:
        return "standalone"
    for name in ("KERASTUNER_ORACLE_PORT", "KERASTUNER_TUNER_ID"):
        if not os.environ.get(name):
            raise TuneError(f"KERASTUNER_ORACLE_IP is set but {name} is not (distributed search)")
    port = os.environ["KERASTUNER_ORACLE_PORT"]
    if not port.isdigit() or not 1 <= int(port) <= 65535:
        raise TuneError(f"KERASTUNER_ORACLE_PORT must be a port number, got {port!r}")
    return "chief" if distribute.is_chief_oracle() else "worker"


@dataclasses.dataclass(frozen=True)
class TuneResult:
    """What :func:`tune` found (a worker's result has no trials: the chief reports)."""

    directory: pathlib.Path
    """The search directory."""
    role: str
    """``standalone``, ``chief`` or ``worker``."""
    train_config: config.TrainConfig
    """Training settings of the trials (``model.name`` is the family)."""
    tune_config: config.TuneConfig
    """Search settings."""
    trials: tuple = ()
    """One dict per trial: trial_id, status, values, args, params, macs, int8_bytes, score."""
    rejected: tuple = ()
    """One dict per rejected candidate: values, args, params, macs, int8_bytes, reason."""
    trained_here: tuple = ()
    """Trial ids this process trained."""

    @property
    def best(self) -> dict | None:
        """The completed trial with the highest score."""
        done = [t for t in self.trials if t["status"] == "COMPLETED" and t["score"] is not None]
        return max(done, key=lambda t: t["score"]) if done else None

    def best_config(self) -> config.TrainConfig:
        """A training config of the best candidate, training into ``DIR/best``."""
        best = self.best
        if best is None:
            raise TuneError(f"{self.directory}: no completed trial")
        return self.train_config.replace(
            **{"model.args": best["args"], "out_dir": str(self.directory / "best")}
        )

    def summary(self) -> dict:
        """JSON-ready: settings, trials, rejected candidates, best."""
        best = self.best
        return {
            "family": self.tune_config.family,
            "objective": OBJECTIVE,
            "budget": {
                "max_param_bytes": self.tune_config.max_param_bytes,
                "max_macs": self.tune_config.max_macs,
                "counted": "int8 TFLite file" if self.tune_config.int8_file else "Keras deploy",
            },
            "trials": list(self.trials),
            "trained": sum(t["status"] == "COMPLETED" for t in self.trials),
            "rejected_count": len(self.rejected),
            "rejected": list(self.rejected),
            "best_trial": best["trial_id"] if best else None,
            "best_args": best["args"] if best else None,
        }

    def table(self) -> str:
        """Markdown: one row per trial (values, complexity, score), then the rejected count."""
        names = list(SEARCH_SPACES[self.tune_config.family])
        names = [n for n in names if any(n in t["values"] for t in self.trials)]
        head = ["trial", *names, "params", "MACs", "int8 bytes", "val macro acc.", "status"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
        for t in self.trials:
            score = "" if t["score"] is None else f"{100 * t['score']:.1f} %"
            cells = [t["trial_id"], *(str(t["values"].get(n, "")) for n in names)]
            cells += [f"{t['params']:,}", f"{t['macs']:,}", f"{t['int8_bytes']:,}", score]
            lines.append("| " + " | ".join([*cells, t["status"]]) + " |")
        budget = (
            f"{self.tune_config.max_param_bytes:,} int8 bytes, {self.tune_config.max_macs:,} MACs"
        )
        count = len(self.rejected)
        lines += ["", f"Rejected before training (over the budget of {budget}, or not "
                      f"buildable): {count} candidate{'' if count == 1 else 's'}."]  # fmt: skip
        if self.best:
            lines.append(f"Best: trial {self.best['trial_id']}.")
        return "\n".join(lines)


def report_files(result: TuneResult) -> dict[str, bytes]:
    """``tune.json``, ``tune.md`` and (with a completed trial) ``best.toml``; none for a
    worker. The CLI writes them into the search directory."""
    if result.role == "worker":
        return {}
    files = {
        "tune.json": (json.dumps(result.summary(), indent=1) + "\n").encode(),
        "tune.md": (result.table() + "\n").encode(),
    }
    if result.best is not None:
        toml = config.to_toml(result.best_config())
        files["best.toml"] = (
            f"# Best candidate of the search in {result.directory} (trial "
            f"{result.best['trial_id']}); `tfasc train` it.\n{toml}"
        ).encode()
    return files


SETTINGS_FILE = "settings.json"
"""The file that makes a folder a tfasc search directory (settings and fingerprint)."""


def _prepare(directory: pathlib.Path, fingerprint: dict, overwrite: bool) -> bool:
    """Checks the search directory; writes nothing.

    Returns:
        Whether the directory holds a search with other settings to replace (``overwrite``).
    """
    path = directory / SETTINGS_FILE
    if not directory.exists() or not any(directory.iterdir()):
        return False
    if not path.is_file():
        raise TuneError(
            f"{directory}: exists and is not a tfasc search directory (no {SETTINGS_FILE}); "
            "choose a new --out (it is never overwritten)"
        )
    try:
        old = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as error:
        raise TuneError(f"{path}: unreadable search settings ({error})") from None
    if old == fingerprint:
        return False  # resume: keras-tuner reloads the finished trials
    if overwrite:
        return True
    raise TuneError(
        f"{directory}: holds a search with other settings "
        f"({'; '.join(runs.differences(old, fingerprint))}); pass --overwrite "
        "(overwrite=True) to replace it, or choose a new --out"
    )


def _fingerprint(train_config, tune_config, dataset) -> dict:
    # max_trials is left out: a finished search resumes with a higher one.
    settings = config.to_dict(tune_config)
    settings.pop("max_trials")
    return {
        "tfasc": tfasc.__version__,
        "train": runs.fingerprint(train_config, dataset),
        "tune": settings,
    }


def tune(
    train_config: config.TrainConfig,
    tune_config: config.TuneConfig,
    *,
    overwrite: bool = False,
    progress: bool = True,
) -> TuneResult:
    """Searches the family's space for the best candidate within the budget.

    ``train_config.out_dir`` is the search directory (keras-tuner's trials under
    ``keras_tuner/``); rerunning the same settings resumes, a higher ``max_trials`` extends a
    finished search.

    Args:
        train_config: data, augmentation, optimizer and runtime of every trial;
            ``model.name`` is the family, ``model.args`` fixed builder arguments.
        tune_config: the search (family, oracle, trials, epochs, budget, space).
        overwrite: replace a search with other settings in the directory.
        progress: keras-tuner's trial display and progress bars.

    Returns:
        The trials and rejected candidates (empty for a distributed worker).

    Raises:
        NoCandidateError: no candidate fits the budget (nothing trained).
        TuneError: the directory holds other settings, or the distributed environment is
            incomplete.
        config.ConfigError: bad ``[tune.space]`` or ``[model.args]`` values.
    """
    if train_config.model.name != tune_config.family:
        raise config.ConfigError(
            f"[model] name {train_config.model.name!r} is not the searched family "
            f"{tune_config.family!r}"
        )
    if train_config.runtime.strategy == "multi_worker":
        raise config.ConfigError(
            "[runtime] strategy 'multi_worker' is not used by tfasc tune; distribute the "
            "search with keras-tuner's chief/worker environment variables instead"
        )
    if train_config.distill.embedding:
        raise config.ConfigError(
            "[distill] embedding distillation is not used by tfasc tune (its projection head "
            "is not part of a candidate); search with logit distillation or none"
        )
    role = distributed_role()
    space = search_space(tune_config, train_config.model.args)
    directory = pathlib.Path(train_config.out_dir).absolute()
    dataset = runs.tau.load(train_config.data.root)
    run = runs.Run(directory, train_config, {}, exists=False)  # feature access only
    dataset.check_disjoint(run.clips("train"), dataset.fold("evaluate"))
    fingerprint = _fingerprint(train_config, tune_config, dataset)
    replace = _prepare(directory, fingerprint, overwrite)

    optimizer = dataclasses.replace(train_config.optimizer, epochs=tune_config.epochs)
    hypermodel = FamilyHyperModel(
        tune_config.family, space, train_config.frontend_config.input_shape,
        fixed_args=train_config.model.args, optimizer=optimizer,
        seed=train_config.runtime.seed, int8_file=tune_config.int8_file,
    )  # fmt: skip
    oracle = _oracle(tune_config, hypermodel)
    if role != "worker" and (replace or not (directory / SETTINGS_FILE).is_file()):
        oracle.ensure_feasible()  # a new search: fails before any feature or file is made
    teachers = distill.check_teachers(run)  # a teacher on another front end fails here
    data, fit_args = (), {}
    if role != "chief":  # the chief serves the oracle and never trains
        train_set, val_set = (
            run.features(part, progress=progress) for part in ("train", "evaluate")
        )
        batch = optimizer.batch_size
        targets = distill.training_targets(
            run, teachers, train_set, val_set,
            dense=augment.needs_dense_targets(train_config.augment),
        )  # fmt: skip
        hypermodel.steps_per_epoch = max(1, math.ceil(len(train_set) / batch))
        hypermodel.loss = targets.loss
        inputs = augment.training_inputs(run, train_set, progress=progress)
        data = (augment.training_dataset(
            inputs, targets.train, batch, train_config.augment, run.frontend,
            num_classes=len(SCENES), seed=train_config.runtime.seed,
        ),)  # fmt: skip
        fit_args = {
            "validation_data": augment.evaluation_dataset(val_set, targets.validation, batch),
            "epochs": tune_config.epochs,
        }
    strategy = None
    if train_config.runtime.strategy == "mirrored":
        strategy = make_strategy("mirrored", train_config.runtime.cpu_replicas)

    if replace:
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    atomic.write_json(directory / SETTINGS_FILE, fingerprint)
    tuner = _Tuner(
        oracle=oracle, hypermodel=hypermodel, directory=str(directory),
        project_name="keras_tuner", distribution_strategy=strategy,
    )  # fmt: skip
    verbose = (1 if sys.stdout.isatty() else 2) if progress else 0  # 2: a line per epoch
    tuner.search(*data, verbose=verbose, **fit_args)
    result = TuneResult(
        directory, role, train_config, tune_config, trained_here=tuple(tuner.trained)
    )
    if role == "worker":
        return result
    return dataclasses.replace(
        result, trials=tuple(_trial_rows(oracle)), rejected=tuple(_rejected_rows(oracle))
    )


def _oracle(tune_config: config.TuneConfig, hypermodel: FamilyHyperModel) -> _BudgetOracle:
    common = {
        "objective": kt.Objective(OBJECTIVE, direction="max"),
        "max_trials": tune_config.max_trials,
        "seed": tune_config.seed,
        "hypermodel": hypermodel,
        "tune_config": tune_config,
    }
    if tune_config.oracle == "random":
        return BudgetRandomSearch(**common)
    return BudgetBayesianOptimization(num_initial_points=tune_config.initial_points, **common)


def _ordered(values: dict, family: str) -> dict:
    return {name: values[name] for name in SEARCH_SPACES[family] if name in values}


def _trial_rows(oracle: _BudgetOracle):
    for trial_id in oracle.start_order:  # the order the trials began in
        trial = oracle.trials[trial_id]
        candidate = oracle.candidates[oracle.trial_candidates[trial_id]]
        score = trial.score if trial.score is not None and math.isfinite(trial.score) else None
        yield {
            "trial_id": trial_id,
            "status": trial.status,
            "values": _ordered(trial.hyperparameters.values, oracle.tune_config.family),
            "args": candidate["args"],
            "params": candidate["params"],
            "macs": candidate["macs"],
            "int8_bytes": candidate["int8_bytes"],
            "score": None if score is None else float(score),
        }


def _rejected_rows(oracle: _BudgetOracle):
    for key, reason in oracle.rejected.items():
        row = dict(oracle.candidates[key])
        row.pop("error")
        row["values"] = _ordered(row["values"], oracle.tune_config.family)
        yield {**row, "reason": reason}
