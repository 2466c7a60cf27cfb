"""Texts of the backprop page."""

_SLIDERS = {  # name -> (label, English help, Korean help)
    "x1": ("x₁", "First input of the network.", "신경망의 첫 번째 입력입니다."),
    "x2": ("x₂", "Second input of the network.", "신경망의 두 번째 입력입니다."),
    "w11": ("w₁₁", "Weight from x₁ to hidden unit 1.", "x₁에서 은닉 유닛 1로 가는 가중치입니다."),
    "w12": ("w₁₂", "Weight from x₂ to hidden unit 1.", "x₂에서 은닉 유닛 1로 가는 가중치입니다."),
    "w21": ("w₂₁", "Weight from x₁ to hidden unit 2.", "x₁에서 은닉 유닛 2로 가는 가중치입니다."),
    "w22": ("w₂₂", "Weight from x₂ to hidden unit 2.", "x₂에서 은닉 유닛 2로 가는 가중치입니다."),
    "b1": ("b₁", "Bias of hidden unit 1.", "은닉 유닛 1의 편향입니다."),
    "b2": ("b₂", "Bias of hidden unit 2.", "은닉 유닛 2의 편향입니다."),
    "v1": ("v₁", "Output weight of hidden unit 1.", "은닉 유닛 1의 출력 가중치입니다."),
    "v2": ("v₂", "Output weight of hidden unit 2.", "은닉 유닛 2의 출력 가중치입니다."),
    "bo": ("bₒ", "Bias of the output unit.", "출력 유닛의 편향입니다."),
    "a": ("a", "Leaf a of L = tanh((a·b + c)·d).", "L = tanh((a·b + c)·d)의 잎 노드 a입니다."),
    "b": ("b", "Leaf b of L = tanh((a·b + c)·d).", "L = tanh((a·b + c)·d)의 잎 노드 b입니다."),
    "c": ("c", "Leaf c of L = tanh((a·b + c)·d).", "L = tanh((a·b + c)·d)의 잎 노드 c입니다."),
    "d": ("d", "Leaf d of L = tanh((a·b + c)·d).", "L = tanh((a·b + c)·d)의 잎 노드 d입니다."),
}

TEXT = {
    "bp.intro": {
        "en": "Backpropagation is the chain rule, applied one node at a time from the loss back to every weight. Each node receives ∂L/∂node from the nodes it feeds, multiplies it by its own **local derivative** for each input, and sends the product back along that edge. A node used twice adds what comes back from both uses.",
        "ko": "역전파는 손실에서 출발해 가중치 하나하나까지 노드 단위로 연쇄 법칙을 적용하는 과정입니다. 각 노드는 자신이 값을 넘겨준 노드들에게서 ∂L/∂노드를 받아, 입력마다 자신의 **국소 도함수**를 곱해 그 간선을 따라 되돌려 보냅니다. 두 곳에 쓰인 노드는 양쪽에서 돌아온 값을 더합니다.",
    },
    "bp.intro_more": {
        "en": "The forward pass writes a value in every node. The backward pass then starts with ∂L/∂L = 1 and visits the nodes in reverse order. At a node z = w₁x₁ + w₂x₂ + b, the local derivatives are ∂z/∂w₁ = x₁, ∂z/∂x₁ = w₁ and ∂z/∂b = 1; at h = σ(z) it is σ(z)(1 − σ(z)); at L = (o − y)² it is 2(o − y). Every edge label is exactly that product: *local derivative × gradient arriving from above*. PyTorch does the same: `loss.backward()` walks the graph autograd recorded during the forward pass and leaves the sums in each parameter's `.grad`. Below the graph the page checks the result three ways.",
        "ko": "순전파가 모든 노드에 값을 적고 나면, 역전파는 ∂L/∂L = 1에서 출발해 노드를 거꾸로 방문합니다. z = w₁x₁ + w₂x₂ + b 노드에서 국소 도함수는 ∂z/∂w₁ = x₁, ∂z/∂x₁ = w₁, ∂z/∂b = 1이고, h = σ(z)에서는 σ(z)(1 − σ(z)), L = (o − y)²에서는 2(o − y)입니다. 간선에 적힌 값은 모두 *국소 도함수 × 위에서 내려온 기울기* 그대로입니다. PyTorch도 똑같이 합니다. `loss.backward()`는 순전파 때 autograd가 기록한 그래프를 거꾸로 따라가며 그 합을 각 파라미터의 `.grad`에 남깁니다. 그래프 아래에서 결과를 세 가지 방법으로 확인합니다.",
    },
    "bp.formula_note": {
        "en": "The gradient of L with respect to w is the gradient arriving at z times how much z moves when w moves.",
        "ko": "w에 대한 L의 기울기는 z에 도착한 기울기에 w가 움직일 때 z가 움직이는 정도를 곱한 값입니다.",
    },
    "bp.mode": {"en": "Graph", "ko": "그래프"},
    "bp.mode_help": {
        "en": "A 2-2-1 neural network, or the scalar expression L = tanh((a·b + c)·d) with no network at all.",
        "ko": "2-2-1 신경망, 또는 신경망 없이 스칼라 식 L = tanh((a·b + c)·d)만 보여 줍니다.",
    },
    "bp.mode.network": {"en": "Network 2-2-1", "ko": "신경망 2-2-1"},
    "bp.mode.expression": {"en": "Expression tanh((a·b+c)·d)", "ko": "식 tanh((a·b+c)·d)"},
    "bp.act": {"en": "Hidden activation", "ko": "은닉층 활성 함수"},
    "bp.act_help": {
        "en": "h = act(z) in both hidden units. Its derivative is the local derivative on the z → h edges.",
        "ko": "두 은닉 유닛 모두 h = act(z)입니다. 이 함수의 도함수가 z → h 간선의 국소 도함수입니다.",
    },
    "bp.act.sigmoid": {"en": "Sigmoid σ", "ko": "시그모이드 σ"},
    "bp.act.tanh": {"en": "tanh", "ko": "쌍곡탄젠트 tanh"},
    "bp.act.relu": {"en": "ReLU", "ko": "ReLU 함수"},
    "bp.loss": {"en": "Loss", "ko": "손실 함수"},
    "bp.loss_help": {
        "en": "MSE: L = (o − y)². BCE: p = σ(o), L = −[y log p + (1 − y) log(1 − p)].",
        "ko": "평균제곱오차(MSE)는 L = (o − y)², 이진 교차 엔트로피(BCE)는 p = σ(o)일 때 L = −[y log p + (1 − y) log(1 − p)]입니다.",
    },
    "bp.loss.mse": {"en": "MSE (o − y)²", "ko": "평균제곱오차 (o − y)²"},
    "bp.loss.bce": {"en": "BCE on σ(o)", "ko": "σ(o)의 이진 교차 엔트로피"},
    "bp.y": {"en": "Target y", "ko": "목표값 y"},
    "bp.y_help": {
        "en": "The label the output should match; a constant, so it gets no gradient.",
        "ko": "출력이 맞춰야 할 정답입니다. 상수이므로 기울기를 받지 않습니다.",
    },
    "bp.weights": {"en": "Weights and biases", "ko": "가중치와 편향"},
    "bp.target_note": {"en": "target", "ko": "목표값"},
    "bp.kind.param": {"en": "a parameter (gets a gradient)", "ko": "파라미터 (기울기를 받음)"},
    "bp.kind.input": {"en": "an input (x.requires_grad)", "ko": "입력 (x.requires_grad)"},
    "bp.kind.const": {"en": "a constant, no gradient", "ko": "상수, 기울기 없음"},
    "bp.op.lin": {"en": "weighted sum w₁·a₁ + w₂·a₂ + b", "ko": "가중합 w₁·a₁ + w₂·a₂ + b"},
    "bp.op.mul": {
        "en": "product: each input's local derivative is the other input",
        "ko": "곱: 각 입력의 국소 도함수는 다른 쪽 입력",
    },
    "bp.op.add": {
        "en": "sum: passes its gradient unchanged to both inputs",
        "ko": "합: 기울기를 두 입력에 그대로 전달",
    },
    "bp.op.sigmoid": {"en": "σ(z), local derivative σ(z)(1 − σ(z))", "ko": "σ(z), 국소 도함수 σ(z)(1 − σ(z))"},
    "bp.op.tanh": {"en": "tanh(z), local derivative 1 − tanh²(z)", "ko": "tanh(z), 국소 도함수 1 − tanh²(z)"},
    "bp.op.relu": {
        "en": "max(0, z), local derivative 1 if z > 0 else 0",
        "ko": "max(0, z), 국소 도함수는 z > 0이면 1, 아니면 0",
    },
    "bp.op.mse": {"en": "L = (o − y)², local derivative 2(o − y)", "ko": "L = (o − y)², 국소 도함수 2(o − y)"},
    "bp.op.bce": {
        "en": "L = −[y log p + (1 − y) log(1 − p)], local derivative (p − y)/(p(1 − p))",
        "ko": "L = −[y log p + (1 − y) log(1 − p)], 국소 도함수 (p − y)/(p(1 − p))",
    },
    "bp.trace_edges": {"en": "edge (forward)", "ko": "간선 (순전파)"},
    "bp.trace_walked": {"en": "gradient has flowed back", "ko": "기울기가 지나간 간선"},
    "bp.trace_current": {"en": "this step", "ko": "이번 단계"},
    "bp.trace_nodes": {"en": "nodes", "ko": "노드"},
    "bp.trace_edge_labels": {"en": "local derivative × upstream gradient", "ko": "국소 도함수 × 위에서 온 기울기"},
    "bp.hover_edge": {
        "en": "∂{dst}/∂{src} = {local}<br>∂L/∂{dst} = {up}<br>sent back to {src}: {prod}",
        "ko": "∂{dst}/∂{src} = {local}<br>∂L/∂{dst} = {up}<br>{src}에 보내는 값: {prod}",
    },
    "bp.frame_forward": {
        "en": "Forward pass: every node has its value, L = {loss:num}",
        "ko": "순전파: 모든 노드에 값이 있고 L = {loss:num}",
    },
    "bp.frame_seed": {"en": "Backward starts at the loss: ∂L/∂L = 1", "ko": "역전파는 손실에서 시작: ∂L/∂L = 1"},
    "bp.frame_step": {
        "en": "Step {k}/{s}: {node} sends ∂L/∂{node} = {g} back",
        "ko": "{k}/{s}단계: {node}{이} ∂L/∂{node} = {g}{을} 되돌려 보냄",
    },
    "bp.step_prefix": {"en": "step ", "ko": "단계 "},
    "bp.graph_caption": {
        "en": "Each box shows the node's forward value and, once the backward pass reaches it, ∇ = ∂L/∂node (green; “…” while more is still to come from another use). Each edge label is local derivative × upstream gradient, the amount sent back along that edge (“× ?” until the gradient arrives: the local derivative is known after the forward pass); the orange node is the one sending at this step. Blue boxes are parameters, the grey-bordered ones operations.",
        "ko": "상자마다 노드의 순전파 값이 있고, 역전파가 도달하면 ∇ = ∂L/∂노드가 초록색으로 나타납니다(다른 쪽 쓰임에서 더 올 값이 남아 있으면 “…”). 간선의 숫자는 국소 도함수 × 위에서 온 기울기, 곧 그 간선을 따라 되돌아가는 값입니다(기울기가 도착하기 전에는 “× ?”: 국소 도함수는 순전파 뒤에 이미 알 수 있습니다). 주황색 노드가 이번 단계에 기울기를 보내는 노드입니다. 파란 상자는 파라미터, 회색 테두리는 연산입니다.",
    },
    "bp.saturated": {
        "en": "σ(o) rounds to exactly 0 or 1 here, so the BCE loss is infinite and its gradient undefined. Use smaller weights or inputs, or the MSE loss.",
        "ko": "여기서는 σ(o)가 정확히 0이나 1로 반올림되어 BCE 손실이 무한대가 되고 기울기를 정의할 수 없습니다. 가중치나 입력을 줄이거나 MSE 손실을 쓰세요.",
    },
    "bp.agree": {
        "en": "All {n} gradients agree: the graph's chain rule vs torch autograd differ by at most {torch:num}, vs central differences by at most {fd:num}.",
        "ko": "기울기 {n}개가 모두 일치합니다. 그래프의 연쇄 법칙과 torch autograd의 차이는 많아야 {torch:num}, 중심 차분과의 차이는 많아야 {fd:num}입니다.",
    },
    "bp.metric_loss": {"en": "Loss L", "ko": "손실 L"},
    "bp.metric_torch": {"en": "max |graph − autograd|", "ko": "max |그래프 − autograd|"},
    "bp.metric_torch_help": {
        "en": "Largest difference between the graph's gradients and the .grad torch left after loss.backward() (intermediate tensors with retain_grad()). Both use float64: only rounding differs.",
        "ko": "그래프의 기울기와 loss.backward() 뒤 torch가 남긴 .grad(중간 텐서는 retain_grad()) 사이의 가장 큰 차이입니다. 둘 다 float64라 반올림 오차만 다릅니다.",
    },
    "bp.metric_fd": {"en": "max |graph − central difference|", "ko": "max |그래프 − 중심 차분|"},
    "bp.metric_fd_help": {
        "en": "Central difference (L(v + h) − L(v − h)) / 2h with h = 10⁻⁶ for each node value v: no chain rule involved, only two forward passes.",
        "ko": "각 노드 값 v마다 h = 10⁻⁶으로 구한 중심 차분 (L(v + h) − L(v − h)) / 2h입니다. 연쇄 법칙 없이 순전파 두 번만 씁니다.",
    },
    "bp.compare_heading": {"en": "Three ways to the same gradients", "ko": "같은 기울기를 구하는 세 가지 방법"},
    "bp.compare_text.network": {
        "en": "Left: ∂L/∂ for every input and parameter from the graph above, from `.grad` after PyTorch's `loss.backward()` on an `nn.Linear(2, 2)` → activation → `nn.Linear(2, 1)` with the same weights, and from central differences. Right: every node, intermediates included (`retain_grad()`).",
        "ko": "왼쪽: 입력과 파라미터 각각의 ∂L/∂를 위 그래프, 같은 가중치를 넣은 `nn.Linear(2, 2)` → 활성 함수 → `nn.Linear(2, 1)`에서 PyTorch의 `loss.backward()`가 남긴 `.grad`, 그리고 중심 차분으로 구했습니다. 오른쪽: 중간 노드까지 모든 노드입니다(`retain_grad()`).",
    },
    "bp.compare_text.expression": {
        "en": "Left: ∂L/∂a … ∂L/∂d from the graph above, from `.grad` after `L.backward()` on torch scalars, and from central differences. Right: every node, intermediates included (`retain_grad()`).",
        "ko": "왼쪽: ∂L/∂a … ∂L/∂d를 위 그래프, torch 스칼라에서 `L.backward()`가 남긴 `.grad`, 그리고 중심 차분으로 구했습니다. 오른쪽: 중간 노드까지 모든 노드입니다(`retain_grad()`).",
    },
    "bp.compare_title": {"en": "∂L/∂ each leaf, three ways", "ko": "잎 노드별 ∂L/∂, 세 가지 방법"},
    "bp.axis_grad": {"en": "gradient ∂L/∂", "ko": "기울기 ∂L/∂"},
    "bp.col_node": {"en": "node", "ko": "노드"},
    "bp.col_value": {"en": "forward value", "ko": "순전파 값"},
    "bp.col_graph": {"en": "graph (chain rule)", "ko": "그래프 (연쇄 법칙)"},
    "bp.col_torch": {"en": "torch .grad", "ko": "torch의 .grad"},
    "bp.col_fd": {"en": "central difference", "ko": "중심 차분"},
    "bp.try.relu_dead.name": {"en": "A ReLU unit that is off", "ko": "꺼진 ReLU 유닛"},
    "bp.try.relu_dead.what": {
        "en": "With ReLU, z₂ = −0.3 < 0 so h₂ = 0 and the z₂ → h₂ edge multiplies by 0: w₂₁, w₂₂ and b₂ get exactly zero gradient, and v₂ too (it multiplies h₂ = 0).",
        "ko": "ReLU에서는 z₂ = −0.3 < 0이라 h₂ = 0이고 z₂ → h₂ 간선이 0을 곱합니다. w₂₁, w₂₂, b₂의 기울기는 정확히 0이 되고, h₂ = 0을 곱하는 v₂도 0입니다.",
    },
    "bp.try.bce.name": {"en": "BCE: σ and log cancel", "ko": "BCE: σ와 log가 상쇄됨"},
    "bp.try.bce.what": {
        "en": "With BCE on p = σ(o) the graph gets a p node. Its two local derivatives multiply to a simple result: ∂L/∂o = p − y.",
        "ko": "p = σ(o)에 BCE를 쓰면 p 노드가 생깁니다. 두 국소 도함수를 곱하면 간단한 결과가 나옵니다: ∂L/∂o = p − y.",
    },
    "bp.try.saturate.name": {"en": "A saturated sigmoid", "ko": "포화된 시그모이드"},
    "bp.try.saturate.what": {
        "en": "Large weights push z₁ to 8.1, where σ′(z₁) ≈ 0.0003: the gradients reaching w₁₁, w₁₂ and b₁ are over a thousand times smaller than ∂L/∂h₁. That is the vanishing gradient, in one edge.",
        "ko": "큰 가중치 때문에 z₁ = 8.1이 되면 σ′(z₁) ≈ 0.0003입니다. w₁₁, w₁₂, b₁에 도착하는 기울기는 ∂L/∂h₁보다 천 배 넘게 작아집니다. 간선 하나에서 일어나는 기울기 소실입니다.",
    },
    "bp.try.expression.name": {"en": "No network: tanh((a·b + c)·d)", "ko": "신경망 없이: tanh((a·b + c)·d)"},
    "bp.try.expression.what": {
        "en": "The + node passes its gradient to both inputs unchanged (∂L/∂e = ∂L/∂c = ∂L/∂f); each × node sends back the *other* input times the gradient (∂L/∂a = b · ∂L/∂e).",
        "ko": "+ 노드는 기울기를 두 입력에 그대로 전달하고(∂L/∂e = ∂L/∂c = ∂L/∂f), × 노드는 *다른 쪽* 입력에 기울기를 곱해 돌려보냅니다(∂L/∂a = b · ∂L/∂e).",
    },
}

for _name, (_label, _en, _ko) in _SLIDERS.items():
    TEXT[f"bp.{_name}"] = {"en": _label, "ko": _label}
    TEXT[f"bp.{_name}_help"] = {"en": _en, "ko": _ko}
