"""Text of /linear-layer (chapter 4): y = xWᵀ + b as a map of the plane, batches, parameters, devices."""

TEXT = {
    "ll.intro": {
        "en": "`nn.Linear(2, 2)` takes every point x of the plane to y = xWᵀ + b. The weights W turn, stretch, shear "
        "or flip the whole grid at once (straight lines stay straight, the origin's image moves only by b), and "
        "**|det W|** says by how much every area grows. Press ▶ to watch the plane move from x to y.",
        "ko": "`nn.Linear(2, 2)`는 평면의 모든 점 x를 y = xWᵀ + b로 보냅니다. 가중치 W는 격자 전체를 한꺼번에 돌리고, "
        "늘이고, 밀고, 뒤집습니다(직선은 직선으로 남고, 원점은 b만큼만 옮겨집니다). 모든 넓이가 몇 배가 되는지는 "
        "행렬식 **det W의 절댓값이** 알려 줍니다. ▶를 눌러 평면이 x에서 y로 움직이는 모습을 보세요.",
    },
    "ll.formula_note": {
        "en": "Row i of W makes output i; column j of W is where the unit vector eⱼ lands. The bias b shifts everything.",
        "ko": "W의 i번째 행이 출력 i를 만들고, W의 j번째 열은 단위 벡터 eⱼ가 가는 곳입니다. 편향 b는 전체를 옮깁니다.",
    },
    "ll.intro_more": {
        "en": "**Why xWᵀ?** PyTorch stores W as (out_features × in_features) and keeps a batch as rows: X is "
        "(N × in), so `layer(X)` computes X @ W.T + b and gives Y of shape (N × out), one row per example.\n\n"
        "**Determinant.** The unit square goes to the parallelogram spanned by W's columns; its area is |det W|. "
        "det W < 0 means the map flips the plane (the F reads backwards); det W = 0 squashes the plane onto a line "
        "(or a point), and no layer after it can undo that.\n\n"
        "**Devices.** The same layer runs on a GPU after `.to(device)`; a GPU only pays off once matrices are large "
        "enough to hide the cost of launching work on it.",
        "ko": "**왜 xWᵀ일까요?** PyTorch는 W를 (출력 수 × 입력 수) 모양으로 저장하고, 배치는 한 행에 예제 하나씩 둡니다. "
        "X가 (N × 입력 수)이므로 `layer(X)`는 X @ W.T + b를 계산해 (N × 출력 수) 모양의 Y를 줍니다.\n\n"
        "**행렬식.** 단위 정사각형은 W의 열 벡터 두 개가 만드는 평행사변형으로 가고, 그 넓이가 |det W|입니다. "
        "det W < 0이면 평면이 뒤집히고(F가 거울에 비친 모양이 됩니다), det W = 0이면 평면이 직선(또는 점)으로 "
        "눌려서 뒤에 오는 어떤 계층도 되돌릴 수 없습니다.\n\n"
        "**장치.** 같은 계층을 `.to(device)`로 GPU에 올려 실행할 수 있습니다. GPU는 작업을 시작하는 비용을 가릴 만큼 "
        "행렬이 커야 이득입니다.",
    },
    "ll.preset": {"en": "Weights W", "ko": "가중치 W"},
    "ll.preset_help": {
        "en": "A named map, or your own W from the four sliders below (choose 'from the sliders').",
        "ko": "이름 있는 변환을 고르거나, '슬라이더 값'을 골라 아래 네 슬라이더로 W를 직접 정합니다.",
    },
    "ll.preset.custom": {"en": "from the sliders", "ko": "슬라이더 값"},
    "ll.preset.rotation": {"en": "rotation by 30°", "ko": "30° 회전"},
    "ll.preset.scaling": {"en": "scaling (1.5, 0.5)", "ko": "크기 조절 (1.5, 0.5)"},
    "ll.preset.shear": {"en": "shear", "ko": "밀기(전단)"},
    "ll.preset.reflection": {"en": "reflection in the y axis", "ko": "y축 대칭(반사)"},
    "ll.preset.singular": {"en": "singular (det W = 0)", "ko": "특이 행렬 (det W = 0)"},
    "ll.w11": {"en": "W₁₁", "ko": "W₁₁"},
    "ll.w11_help": {"en": "How much x₁ adds to y₁.", "ko": "x₁이 y₁에 더하는 몫입니다."},
    "ll.w12": {"en": "W₁₂", "ko": "W₁₂"},
    "ll.w12_help": {"en": "How much x₂ adds to y₁.", "ko": "x₂가 y₁에 더하는 몫입니다."},
    "ll.w21": {"en": "W₂₁", "ko": "W₂₁"},
    "ll.w21_help": {"en": "How much x₁ adds to y₂.", "ko": "x₁이 y₂에 더하는 몫입니다."},
    "ll.w22": {"en": "W₂₂", "ko": "W₂₂"},
    "ll.w22_help": {"en": "How much x₂ adds to y₂.", "ko": "x₂가 y₂에 더하는 몫입니다."},
    "ll.b1": {"en": "b₁", "ko": "b₁"},
    "ll.b1_help": {"en": "Shift of every point along y₁.", "ko": "모든 점을 y₁ 방향으로 옮기는 양입니다."},
    "ll.b2": {"en": "b₂", "ko": "b₂"},
    "ll.b2_help": {"en": "Shift of every point along y₂.", "ko": "모든 점을 y₂ 방향으로 옮기는 양입니다."},
    "ll.widths": {"en": "Layer widths (in, hidden…, out)", "ko": "계층 너비(입력, 은닉…, 출력)"},
    "ll.widths_help": {
        "en": "2 to 9 whole numbers from 1 to 4096, separated by commas: 784,128,10 is an MNIST classifier.",
        "ko": "1~4096 사이 정수 2~9개를 쉼표로 나눠 씁니다. 784,128,10은 MNIST 분류기입니다.",
    },
    "ll.trace.before": {"en": "grid before (x)", "ko": "원래 격자(x)"},
    "ll.trace.grid": {"en": "grid after (y)", "ko": "옮겨진 격자(y)"},
    "ll.trace.square": {"en": "unit square → area |det W|", "ko": "단위 정사각형 → 넓이 |det W|"},
    "ll.trace.picture": {"en": "the letter F", "ko": "글자 F"},
    "ll.anim": {"en": "t = ", "ko": "t = "},
    "ll.plane_title": {"en": "The plane through nn.Linear(2, 2)", "ko": "nn.Linear(2, 2)를 지난 평면"},
    "ll.caption": {
        "en": "Grey: before. Blue grid, orange F, green square: after y = xWᵀ + b. Red and purple arrows: W e₁ and "
        "W e₂ (the columns of W); dotted black arrow: the shift b. The number in the square is its area.",
        "ko": "회색은 변환 전입니다. 파란 격자, 주황색 F, 초록 정사각형은 y = xWᵀ + b를 지난 뒤입니다. 빨간 화살표와 "
        "보라색 화살표는 W e₁, W e₂(W의 열), 검은 점선 화살표는 이동 b입니다. 정사각형 안의 숫자가 넓이입니다.",
    },
    "ll.metric.det": {"en": "determinant det W", "ko": "행렬식 det W"},
    "ll.metric.area": {"en": "area of the square after", "ko": "변환 뒤 정사각형 넓이"},
    "ll.metric.area_help": {
        "en": "Measured on the transformed corners (shoelace formula), signed: negative when the map flips the plane.",
        "ko": "옮겨진 꼭짓점으로 잰 넓이(신발끈 공식)입니다. 평면이 뒤집히면 음수가 됩니다.",
    },
    "ll.metric.params": {"en": "parameters of this layer", "ko": "이 계층의 매개변수"},
    "ll.metric.device": {"en": "ran on", "ko": "실행 장치"},
    "ll.flip": {
        "en": "det W = {det:num} < 0: the map flips the plane, so the F reads backwards.",
        "ko": "det W = {det:num} < 0: 평면이 뒤집혀서 F가 거울에 비친 모양이 됩니다.",
    },
    "ll.singular": {
        "en": "det W = 0: the whole plane falls onto a line. Two different inputs can give the same output, so "
        "nothing after this layer can tell them apart.",
        "ko": "det W = 0: 평면 전체가 직선 하나로 눌립니다. 서로 다른 입력이 같은 출력을 낼 수 있어, 이 계층 뒤에서는 "
        "둘을 구별할 수 없습니다.",
    },
    "ll.keeps": {
        "en": "det W = {det:num}: every area is multiplied by {area:num}.",
        "ko": "det W = {det:num}: 모든 넓이가 {area:num}배가 됩니다.",
    },
    "ll.batch_heading": {"en": "A batch: X (N × in) → Y (N × out)", "ko": "배치: X (N × 입력) → Y (N × 출력)"},
    "ll.batch_caption": {
        "en": "The corners of the F as one batch: each row of X is one point, and one call `layer(X)` moves them all. "
        "Blue negative, red positive.",
        "ko": "F의 꼭짓점을 배치 하나로 묶었습니다. X의 각 행이 점 하나이고, `layer(X)` 한 번으로 모두 옮깁니다. "
        "파란색은 음수, 빨간색은 양수입니다.",
    },
    "ll.batch_rows": {"en": "row (one example)", "ko": "행(예제 하나)"},
    "ll.stack_heading": {"en": "Parameters of a stack of layers", "ko": "여러 계층을 쌓을 때의 매개변수 수"},
    "ll.stack_caption": {
        "en": "Each nn.Linear(in, out) learns in × out weights and out biases. Counted by torch on real modules.",
        "ko": "nn.Linear(입력, 출력)마다 입력 × 출력개의 가중치와 출력개의 편향을 학습합니다. 실제 모듈로 torch가 센 값입니다.",
    },
    "ll.col.layer": {"en": "layer", "ko": "계층"},
    "ll.col.weights": {"en": "weights (in × out)", "ko": "가중치(입력 × 출력)"},
    "ll.col.biases": {"en": "biases (out)", "ko": "편향(출력)"},
    "ll.col.total": {"en": "total", "ko": "합계"},
    "ll.stack_total": {"en": "parameters in all", "ko": "전체 매개변수"},
    "ll.widths_error.not_int": {
        "en": "Layer widths: {part} is not a whole number. Write 2 to 9 widths separated by commas, e.g. 2,64,10.",
        "ko": "계층 너비: {part} 부분은 정수가 아닙니다. 쉼표로 나눈 너비 2~9개를 쓰세요. 예: 2,64,10",
    },
    "ll.widths_error.few": {
        "en": "Layer widths: a layer needs an input and an output width (at least 2 numbers).",
        "ko": "계층 너비: 계층에는 입력 너비와 출력 너비가 필요합니다(숫자 2개 이상).",
    },
    "ll.widths_error.many": {
        "en": "Layer widths: {part} numbers; this table takes up to 9 (8 layers).",
        "ko": "계층 너비: 숫자가 {part}개입니다. 이 표는 9개(계층 8개)까지 받습니다.",
    },
    "ll.widths_error.size": {
        "en": "Layer widths: {part} is outside 1–4096.",
        "ko": "계층 너비: {part} 값은 1~4096 밖입니다.",
    },
    "ll.widths_error.hint": {
        "en": "The table shows the default stack until this is fixed.",
        "ko": "고칠 때까지 표는 기본 계층으로 셉니다.",
    },
    "ll.device_heading": {"en": "CPU or GPU?", "ko": "CPU일까 GPU일까?"},
    "ll.no_gpu": {
        "en": "torch sees no GPU here, so `device` is the CPU. The code below runs unchanged on a machine with one.",
        "ko": "여기서는 torch가 GPU를 찾지 못해 `device`가 CPU입니다. 아래 코드는 GPU가 있는 컴퓨터에서도 그대로 돌아갑니다.",
    },
    "ll.gpu": {"en": "torch sees a GPU: {name}.", "ko": "torch가 GPU를 찾았습니다: {name}."},
    "ll.measure": {"en": "Measure matmul speed", "ko": "행렬 곱 속도 재기"},
    "ll.measure_help": {
        "en": "Times n × n @ n × n for n = 64 … 2048 on each device, at most 3 seconds in all.",
        "ko": "장치마다 n = 64 … 2048에 대해 n × n @ n × n 시간을 잽니다. 모두 합쳐 3초를 넘지 않습니다.",
    },
    "ll.measuring": {"en": "Measuring: {what}", "ko": "재는 중: {what}"},
    "ll.speed_time": {"en": "time of one product", "ko": "곱셈 한 번의 시간"},
    "ll.speed_rate": {"en": "speed", "ko": "속도"},
    "ll.speed_n": {"en": "matrix size n", "ko": "행렬 크기 n"},
    "ll.speed_ms": {"en": "milliseconds", "ko": "밀리초"},
    "ll.device.cpu": {"en": "CPU", "ko": "CPU(프로세서)"},
    "ll.device.cuda": {"en": "GPU (cuda)", "ko": "GPU(그래픽 처리 장치)"},
    "ll.speed_result": {
        "en": "Measured in {s:num} s with {threads} CPU thread(s): {small:num} GFLOP/s at n = 64, at best "
        "{best:num} GFLOP/s (n = {n}).",
        "ko": "{s:num}초 동안 CPU 스레드 {threads}개로 쟀습니다. n = 64에서 {small:num} GFLOP/s, 가장 빠를 때 "
        "{best:num} GFLOP/s(n = {n})입니다.",
    },
    "ll.skipped": {
        "en": "Sizes from {n} were skipped to stay within 3 seconds.",
        "ko": "3초를 넘지 않도록 {n}부터는 건너뛰었습니다.",
    },
    "ll.crossover": {
        "en": "The GPU overtakes the CPU from n = {n}: below that, launching work on the GPU costs more than the "
        "multiplication itself.",
        "ko": "n = {n}부터 GPU가 CPU를 앞섭니다. 그보다 작으면 GPU에 일을 맡기는 비용이 곱셈 자체보다 큽니다.",
    },
    "ll.no_crossover": {
        "en": "The crossover: on a GPU, each product first pays a fixed launch cost (tens of microseconds), so for "
        "small n the CPU wins; as n grows the 2n³ work dominates and the GPU's thousands of cores win. "
        "With no GPU here, the CPU curve shows the same effect on one side: its GFLOP/s rise with n until the work "
        "hides the fixed costs.",
        "ko": "교차점: GPU는 곱셈마다 먼저 수십 마이크로초의 고정 시작 비용을 치르므로 n이 작으면 CPU가 이깁니다. "
        "n이 커지면 2n³의 연산량이 그 비용을 덮어 수천 개의 코어를 가진 GPU가 이깁니다. 여기에는 GPU가 없지만, "
        "CPU 곡선에서도 같은 효과가 보입니다. 연산량이 고정 비용을 가릴 때까지 n에 따라 GFLOP/s가 올라갑니다.",
    },
    "ll.try.rotation.name": {"en": "Rotate by 30°", "ko": "30° 돌리기"},
    "ll.try.rotation.what": {
        "en": "A rotation keeps every length and area: the square stays a unit square (area 1), only turned.",
        "ko": "회전은 길이와 넓이를 그대로 둡니다. 정사각형은 돌아갈 뿐 넓이 1인 단위 정사각형으로 남습니다.",
    },
    "ll.try.reflection.name": {"en": "Mirror the plane", "ko": "평면 뒤집기"},
    "ll.try.reflection.what": {
        "en": "det W = −1: the area stays 1 but the orientation flips; the F reads backwards.",
        "ko": "det W = −1: 넓이는 1 그대로지만 방향이 뒤집혀 F가 거울에 비친 모양이 됩니다.",
    },
    "ll.try.shear.name": {"en": "Shear keeps the area", "ko": "밀기는 넓이를 지킨다"},
    "ll.try.shear.what": {
        "en": "The square leans into a parallelogram, yet its area stays exactly det W = 1.",
        "ko": "정사각형이 기울어 평행사변형이 되지만 넓이는 정확히 det W = 1 그대로입니다.",
    },
    "ll.try.singular.name": {"en": "Squash onto a line", "ko": "직선으로 누르기"},
    "ll.try.singular.what": {
        "en": "W's rows are parallel, det W = 0: every point lands on one line and the square's area is 0.",
        "ko": "W의 두 행이 평행해서 det W = 0입니다. 모든 점이 직선 하나 위로 떨어지고 정사각형의 넓이는 0입니다.",
    },
    "ll.try.shift.name": {"en": "Only a shift", "ko": "옮기기만"},
    "ll.try.shift.what": {
        "en": "W = I and b = (1.5, 1): every point moves by the same b, nothing turns or stretches.",
        "ko": "W = I, b = (1.5, 1): 모든 점이 같은 b만큼 옮겨질 뿐, 돌거나 늘어나지 않습니다.",
    },
}
