"""core.digits: the split, train-only normalisation, the MLP project (training, stop, results, weights files)."""

from __future__ import annotations

import io
import pickle
import threading
from dataclasses import replace

import numpy as np
import pytest
import torch
from sklearn.datasets import load_digits
from sklearn.metrics import confusion_matrix as sk_confusion

from core.digits.data import STD_FLOOR, make_split, normalise
from core.digits.evaluate import confusion_matrix, evaluate, predict_proba
from core.digits.job import RunStore, TrainingJob, ahead
from core.digits.mlp import ProjectConfig, load_model, train_digits
from core.digits.weights import MAX_BYTES, WeightsError, read_state, to_bytes

FAST = replace(ProjectConfig(), epochs=3)


@pytest.fixture(scope="module")
def default_run():
    return train_digits(ProjectConfig())


@pytest.mark.parametrize("seed", [0, 7])
def test_split_is_stratified_disjoint_and_complete(seed):
    s = make_split(seed)
    y = load_digits().target
    parts = [s.idx_train, s.idx_val, s.idx_test]
    assert sum(len(p) for p in parts) == len(y) == 1797
    assert not (
        set(s.idx_train) & set(s.idx_val) or set(s.idx_train) & set(s.idx_test) or set(s.idx_val) & set(s.idx_test)
    )
    assert (len(s.idx_train), len(s.idx_val), len(s.idx_test)) == (1077, 360, 360)
    overall = np.bincount(y, minlength=10) / len(y)
    for idx, labels in zip(parts, (s.y_train, s.y_val, s.y_test), strict=True):
        np.testing.assert_array_equal(labels, y[idx])
        share = np.bincount(labels, minlength=10) / len(labels)
        assert np.abs(share - overall).max() < 0.006  # stratified: within one image per digit of the overall share
    np.testing.assert_array_equal(s.x_test, load_digits().data[s.idx_test])


def test_different_seeds_split_differently():
    assert not np.array_equal(make_split(0).idx_test, make_split(1).idx_test)
    np.testing.assert_array_equal(make_split(3).idx_train, make_split(3).idx_train)


def test_normalisation_uses_training_statistics_only():
    s = make_split(0)
    x = load_digits().data.astype(np.float64)
    np.testing.assert_allclose(s.mean, x[s.idx_train].mean(0), atol=1e-5)
    np.testing.assert_allclose(s.std, np.maximum(x[s.idx_train].std(0), STD_FLOOR), atol=1e-5)
    assert not np.allclose(s.mean, x.mean(0), atol=1e-3)  # the whole data set would give other numbers
    assert not np.allclose(s.mean, x[s.idx_test].mean(0), atol=1e-3)
    z = normalise(s.x_train.astype(np.float64), s)
    moving = x[s.idx_train].std(0) >= STD_FLOOR
    np.testing.assert_allclose(z.mean(0), 0, atol=1e-5)
    np.testing.assert_allclose(z.std(0)[moving], 1, atol=1e-4)
    # The model carries the same statistics: its first layer is (x - mean) / std.
    net = load_model(FAST, train_digits(FAST).state)
    np.testing.assert_array_equal(net[0].mean.numpy(), s.mean)
    np.testing.assert_array_equal(net[0].std.numpy(), s.std)


def test_default_training_reaches_95_percent_on_the_test_set(default_run):
    ev = evaluate(ProjectConfig(), default_run.state, default_run.split)
    assert ev.accuracy >= 0.95
    assert default_run.epochs_done == ProjectConfig().epochs and not default_run.stopped
    assert default_run.loss.shape == (ProjectConfig().epochs + 1, 2)
    assert default_run.loss[-1, 0] < 0.1 * default_run.loss[0, 0]


def test_confusion_matrix_and_per_class_accuracy_match_sklearn(default_run):
    ev = evaluate(ProjectConfig(), default_run.state, default_run.split)
    y = default_run.split.y_test
    np.testing.assert_array_equal(ev.confusion, sk_confusion(y, ev.pred, labels=range(10)))
    np.testing.assert_allclose(ev.per_class, [np.mean(ev.pred[y == d] == d) for d in range(10)])
    assert ev.accuracy == pytest.approx(np.mean(ev.pred == y))
    np.testing.assert_array_equal(confusion_matrix(y, ev.pred), sk_confusion(y, ev.pred))


def test_misclassified_gallery_holds_only_mistakes_with_their_top_three(default_run):
    ev = evaluate(ProjectConfig(), default_run.state, default_run.split)
    y = default_run.split.y_test
    assert len(ev.wrong) == min(int((ev.pred != y).sum()), 24)
    assert np.all(ev.pred[ev.wrong] != y[ev.wrong])
    np.testing.assert_array_equal(ev.top[:, 0], ev.pred[ev.wrong])
    assert np.all(np.diff(ev.top_p, axis=1) <= 0)
    np.testing.assert_allclose(ev.top_p, np.sort(ev.probs[ev.wrong], axis=1)[:, ::-1][:, :3])


def test_probabilities_equal_softmax_of_the_torch_model(default_run):
    net = load_model(ProjectConfig(), default_run.state)
    x = default_run.split.x_test[:20]
    with torch.no_grad():
        ref = torch.nn.functional.softmax(net(torch.from_numpy(x)), dim=1).numpy()
    np.testing.assert_allclose(predict_proba(ProjectConfig(), default_run.state, x), ref, rtol=0, atol=0)
    np.testing.assert_allclose(ref.sum(1), 1, atol=1e-6)


@pytest.mark.parametrize("cfg", [ProjectConfig(), replace(FAST, batchnorm=True, depth=3, width="32", dropout=0.3)])
def test_downloaded_then_uploaded_state_dict_reproduces_predictions_bit_for_bit(cfg):
    run = train_digits(cfg)
    state = read_state(to_bytes(run.state), cfg)
    before = predict_proba(cfg, run.state, run.split.x_test)
    after = predict_proba(cfg, state, run.split.x_test)
    assert before.tobytes() == after.tobytes()
    assert set(state) == set(run.state)


def test_a_plain_torch_save_of_the_model_state_dict_is_accepted():
    run = train_digits(FAST)
    net = load_model(FAST, run.state)
    buf = io.BytesIO()
    torch.save(net.state_dict(), buf)
    state = read_state(buf.getvalue(), FAST)
    assert (
        predict_proba(FAST, state, run.split.x_val).tobytes()
        == predict_proba(FAST, run.state, run.split.x_val).tobytes()
    )


def test_same_seed_same_run_and_two_threads_match_their_single_runs():
    cfgs = [replace(FAST, seed=1), replace(FAST, seed=2, dropout=0.4)]
    alone = [train_digits(c) for c in cfgs]
    out: dict[int, object] = {}
    threads = [
        threading.Thread(target=lambda i=i, c=c: out.__setitem__(i, train_digits(c))) for i, c in enumerate(cfgs)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for i in range(2):
        np.testing.assert_array_equal(out[i].loss, alone[i].loss)
        for k in alone[i].state:
            np.testing.assert_array_equal(out[i].state[k], alone[i].state[k])


def test_a_stopped_job_keeps_what_it_learned():
    cfg = replace(ProjectConfig(), epochs=60)
    job = TrainingJob(cfg)
    while len(job.progress()[0]) < 3:  # wait for two finished epochs
        assert not job.wait(0.05) or job.result is not None
    job.stop()
    assert job.wait(30)
    run = job.result
    assert run.stopped and 2 <= run.epochs_done < 60 and job.error is None
    assert evaluate(cfg, run.state, run.split).accuracy > 0.8  # far better than the untrained 10 %
    assert len(run.loss) == run.epochs_done + 1


def test_time_ahead_follows_the_pace_after_the_first_epoch():
    assert ahead([], 25) is None and ahead([5.0, 5.9], 25) is None  # no pace yet
    # The untrained model at 5.0, a first epoch slowed by start-up to 5.9, then 0.1 s an epoch: 22 to come.
    assert ahead([5.0, 5.9, 6.0, 6.1], 25) == pytest.approx(0.1 * 22)
    assert ahead([5.0, 5.5, 6.0], 2) == 0.0
    assert ahead([5.0, 5.5, 6.0, 6.5], 2) == 0.0  # never negative


def test_a_running_job_estimates_its_time_ahead_from_its_own_epochs():
    job = TrainingJob(replace(ProjectConfig(), epochs=60))
    while len(job.progress()[0]) < 4:  # epoch 0 (untrained) and three trained
        assert not job.wait(0.02)
    job.stop()  # its history no longer grows under the check below
    assert job.wait(30)
    trained = len(job.progress()[0]) - 1
    left = job.seconds_ahead()
    assert 3 <= trained < 60 and left > 0
    pace = left / (60 - trained)  # seconds an epoch
    assert 0.0005 < pace < 2.0 and len(job._ends) == trained + 1


def test_two_jobs_train_side_by_side_like_their_single_runs():
    cfgs = [replace(FAST, seed=4), replace(FAST, seed=5, optimizer="sgd", lr=0.05)]
    jobs = [TrainingJob(c) for c in cfgs]
    for job, cfg in zip(jobs, cfgs, strict=True):
        assert job.wait(60)
        np.testing.assert_array_equal(job.result.loss, train_digits(cfg).loss)


def test_run_store_keeps_the_most_recent_runs():
    store = RunStore(size=2)
    a, b, c = (replace(FAST, seed=s) for s in (1, 2, 3))
    store.put(a, "A")
    store.put(b, "B")
    assert store.get(a) == "A"  # a is now the most recent
    store.put(c, "C")
    assert store.get(b) is None and store.get(a) == "A" and store.get(c) == "C"


def test_a_too_large_learning_rate_stops_with_the_last_finite_weights():
    run = train_digits(replace(FAST, optimizer="momentum", lr=1.0, depth=4, width="256", dropout=0.0, batch="32"))
    assert run.diverged_at == 1
    assert np.isfinite(run.loss).all() and len(run.loss) == run.diverged_at
    assert all(np.isfinite(v).all() for v in run.state.values())


class Boom:
    """Pickling this would run os.system on load: weights_only must refuse it."""

    def __reduce__(self):
        import os

        return (os.system, ("touch /tmp/dr_pwned_by_pickle",))


def _pt(obj) -> bytes:
    buf = io.BytesIO()
    torch.save(obj, buf)
    return buf.getvalue()


def _zip_bomb() -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("archive/data.pkl", b"\0" * 50_000_000)
    return buf.getvalue()


def _state(**changes):
    run_state = {k: torch.from_numpy(v) for k, v in train_digits(FAST).state.items()}
    run_state.update(changes)
    return run_state


HOSTILE = {
    "empty": (lambda: b"", "empty"),
    "text": (lambda: "def f(): pass\n안녕하세요 😀".encode(), "not_model"),
    "random": (lambda: np.random.default_rng(0).bytes(5000), "not_model"),
    "png": (lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "not_model"),
    "pickle_code": (lambda: pickle.dumps(Boom()), "not_model"),
    "torch_code": (lambda: _pt({"w": Boom()}), "not_model"),
    "too_large": (lambda: b"\0" * (MAX_BYTES + 1), "too_large"),
    "zip_bomb": (_zip_bomb, "too_large"),
    "tensor": (lambda: _pt(torch.zeros(3)), "not_state_dict"),
    "strings": (lambda: _pt({"a": "b"}), "not_state_dict"),
    "empty_dict": (lambda: _pt({}), "not_state_dict"),
    "wrong_keys": (lambda: _pt({"fc.weight": torch.zeros(10, 64)}), "wrong_keys"),
    "extra_key": (lambda: _pt(_state(extra=torch.zeros(1))), "wrong_keys"),
    "wrong_shape": (lambda: _pt(_state(**{"1.weight": torch.zeros(64, 64)})), "wrong_shape"),
    "nan": (lambda: _pt(_state(**{"1.bias": torch.full((128,), float("nan"))})), "bad_values"),
    "int_weights": (lambda: _pt(_state(**{"1.bias": torch.zeros(128, dtype=torch.int64)})), "bad_values"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_uploads_get_their_code_and_run_nothing(kind, tmp_path):
    make, code = HOSTILE[kind]
    with pytest.raises(WeightsError) as err:
        read_state(make(), FAST)
    assert err.value.code == code
    import os

    assert not os.path.exists("/tmp/dr_pwned_by_pickle")


def test_an_upload_for_another_width_says_which_shape_differs():
    data = to_bytes(train_digits(replace(FAST, width="32")).state)
    with pytest.raises(WeightsError) as err:
        read_state(data, FAST)
    assert err.value.code == "wrong_shape"
    assert err.value.info == {"param": "1.weight", "got": "32×64", "want": "128×64"}
    assert read_state(data, replace(FAST, width="32"))  # accepted once the controls match
