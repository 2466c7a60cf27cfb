"""deploy/: the Kubernetes manifests pass the offline schema check (kubernetes-validate's bundled
schemas) and say what docs/benchmarks.md measured; the Dockerfile is CPU-only, non-root, health-checked."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "deploy" / "k8s"
MANIFESTS = sorted(K8S.glob("*.yaml"))
KUBERNETES = "1.37.0"


def docs() -> list[dict]:
    return [doc for path in MANIFESTS for doc in yaml.safe_load_all(path.read_text()) if doc]


def kind(name: str) -> dict:
    return next(d for d in docs() if d["kind"] == name)


def quantity_mib(q: str) -> float:
    number, unit = re.fullmatch(r"([0-9.]+)([A-Za-z]*)", q).groups()
    return float(number) * {"Mi": 1, "Gi": 1024, "M": 1e6 / 2**20, "G": 1e9 / 2**20}[unit]


def test_every_kind_is_there():
    assert sorted(d["kind"] for d in docs()) == ["Deployment", "HorizontalPodAutoscaler", "Ingress", "Service"]


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_manifest_passes_the_strict_schema_check(path):
    for doc in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(doc, KUBERNETES, strict=True)


def test_the_schema_check_rejects_a_broken_manifest():
    deployment = kind("Deployment")
    deployment["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES, strict=True)
    deployment = kind("Deployment")
    deployment["spec"]["template"]["spec"]["containers"][0]["healthcheck"] = "/"
    with pytest.raises(kubernetes_validate.ValidationError):  # strict: unknown fields are errors
        kubernetes_validate.validate(deployment, KUBERNETES, strict=True)


def test_the_command_line_check_as_ci_runs_it():
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "kubernetes-validate"), "--strict", "-k", KUBERNETES, *map(str, MANIFESTS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deployment_requests_one_core_and_the_measured_memory():
    pod = kind("Deployment")["spec"]["template"]["spec"]
    container = pod["containers"][0]
    requests = container["resources"]["requests"]
    assert requests["cpu"] in ("1", 1, "1000m")  # one Streamlit process uses about one core
    capacity = (ROOT / "docs" / "benchmarks.md").read_text()
    measured = [float(x) for x in re.findall(r"RSS after warm-up (\d+) MB", capacity)]
    assert measured, "docs/benchmarks.md has no RSS after warm-up"
    assert quantity_mib(requests["memory"]) >= max(measured)
    assert quantity_mib(container["resources"]["limits"]["memory"]) > quantity_mib(requests["memory"])
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert pod["securityContext"]["runAsNonRoot"] is True
    env = {e["name"]: e for e in container["env"]}
    assert env["DL_WARM"]["value"] == "1"
    assert "secretKeyRef" in env["STREAMLIT_SERVER_COOKIE_SECRET"]["valueFrom"]


def test_service_ingress_and_autoscaler_point_at_the_deployment():
    deployment = kind("Deployment")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    service = kind("Service")
    assert service["spec"]["selector"].items() <= labels.items()
    ingress = kind("Ingress")
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == service["metadata"]["name"]
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    hpa = kind("HorizontalPodAutoscaler")
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    metric = hpa["spec"]["metrics"][0]["resource"]
    assert metric["name"] == "cpu" and 0 < metric["target"]["averageUtilization"] <= 90


def test_dockerfile_is_cpu_only_non_root_and_health_checked():
    text = (ROOT / "deploy" / "Dockerfile").read_text()
    pinned = re.search(r"^torch==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M).group(1)
    assert pinned == "2.13.0"
    assert "whl/cpu" in text and "torch==$(sed -n 's/^torch==//p' requirements.txt)" in text
    users = re.findall(r"^USER (\S+)", text, re.M)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n?.*/_stcore/health", text, re.M)
    entry = ROOT / "deploy" / "entrypoint.sh"
    assert subprocess.run(["sh", "-n", str(entry)]).returncode == 0
    assert "--server.address 0.0.0.0" in entry.read_text() and "ui.warm --kick" in entry.read_text()
