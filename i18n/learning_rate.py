"""Texts of the learning-rate page."""

TEXT = {
    "lr.intro": {
        "en": "The learning rate η decides how far each gradient step goes: too small and training crawls, a little larger and it converges quickly, larger still and every step overshoots the minimum, and past a critical value the loss blows up. Here several rates run side by side from the same start on the same surface, so all four behaviours show at once.",
        "ko": "학습률 η는 기울기 방향으로 한 번에 얼마나 멀리 갈지를 정합니다. 너무 작으면 학습이 기어가듯 느리고, 조금 크면 빠르게 수렴하며, 더 커지면 걸음마다 최솟값을 지나치고, 임계값을 넘으면 손실이 폭발합니다. 여기서는 같은 곡면, 같은 시작점에서 여러 학습률을 나란히 실행하므로 네 가지 행동을 한눈에 비교할 수 있습니다.",
    },
    "lr.intro_more": {
        "en": "An overshooting run zig-zags across the minimum; past the critical rate each overshoot is bigger than the last. The metrics under the chart give that critical rate 2/λ_max from the curvature at the start. Pick a schedule to watch a torch scheduler change η while training (lower-right chart), and scroll down to the sweep, which runs about 50 rates at once to show where each behaviour begins.",
        "ko": "지나치는 실행은 최솟값을 가로질러 지그재그로 오가고, 임계 학습률을 넘으면 지나칠 때마다 더 멀리 튕겨 나갑니다. 차트 아래 지표에서 시작점의 곡률로 구한 임계 학습률 2/λ_max를 볼 수 있습니다. 스케줄을 고르면 torch 스케줄러가 학습 도중 η를 바꾸는 모습이 오른쪽 아래 차트에 나옵니다. 아래쪽 스윕은 학습률 약 50개를 한꺼번에 실행해 각 행동이 어디서 시작되는지 보여 줍니다.",
    },
    "lr.formula_note": {
        "en": "On a quadratic with Hessian eigenvalues λᵢ, the error along each eigen-direction is multiplied by (1 − ηλᵢ) every step: it shrinks steadily when 0 < ηλᵢ < 1, flips sign (overshoots) when 1 < ηλᵢ < 2, and grows when ηλᵢ > 2. So η must stay below 2/λ_max. A schedule replaces η by η_k = η·f(k).",
        "ko": "헤시안 고윳값이 λᵢ인 이차 함수에서는 고유 방향마다 오차가 매 단계 (1 − ηλᵢ)배가 됩니다. 0 < ηλᵢ < 1이면 꾸준히 줄고, 1 < ηλᵢ < 2이면 부호가 바뀌며(지나침) 줄고, ηλᵢ > 2이면 커집니다. 그래서 η는 2/λ_max보다 작아야 합니다. 스케줄러는 η 대신 η_k = η·f(k)를 씁니다.",
    },
    "lr.surface": {"en": "Loss surface", "ko": "손실 곡면"},
    "lr.surface_help": {
        "en": "The function L(x, y) being minimised. Picking a surface also loads rates and a step count that show its behaviours well.",
        "ko": "최소화할 함수 L(x, y)입니다. 곡면을 고르면 그 곡면의 행동이 잘 보이는 학습률과 단계 수도 함께 불러옵니다.",
    },
    "lr.start": {
        "en": "Every run starts at θ₀ = ({x0:g}, {y0:g}).",
        "ko": "모든 실행은 θ₀ = ({x0:g}, {y0:g})에서 출발합니다.",
    },
    "lr.lrs": {"en": "Learning rates η (comma-separated)", "ko": "학습률 η (쉼표로 구분)"},
    "lr.lrs_help": {
        "en": "Up to 6 positive numbers between 0.000001 and 10, separated by commas, e.g. 0.05, 0.2, 0.9, 1.1. Each one is a separate run.",
        "ko": "0.000001부터 10 사이의 양수를 쉼표로 구분해 최대 6개까지 입력합니다. 예: 0.05, 0.2, 0.9, 1.1. 값마다 따로 실행합니다.",
    },
    "lr.steps": {"en": "Steps k", "ko": "단계 수 k"},
    "lr.steps_help": {
        "en": "How many updates every run (and every rate of the sweep) takes.",
        "ko": "각 실행(그리고 스윕의 모든 학습률)이 몇 번 갱신할지 정합니다.",
    },
    "lr.schedule": {"en": "Schedule (torch.optim.lr_scheduler)", "ko": "스케줄 (torch.optim.lr_scheduler)"},
    "lr.schedule_help": {
        "en": "How η changes during training. The real torch scheduler sets each run's η_k; the lower-right chart shows it.",
        "ko": "학습 도중 η가 어떻게 바뀔지 정합니다. 실제 torch 스케줄러가 각 실행의 η_k를 정하며, 오른쪽 아래 차트에 나옵니다.",
    },
    "lr.schedule.constant": {
        "en": "Constant: ConstantLR(factor=1), η_k = η.",
        "ko": "일정: ConstantLR(factor=1), η_k = η.",
    },
    "lr.schedule.step": {
        "en": "Step decay: StepLR halves η every quarter of the run (step_size = {size}, γ = 0.5).",
        "ko": "계단식 감소: StepLR이 실행의 4분의 1마다 η를 절반으로 줄입니다(step_size = {size}, γ = 0.5).",
    },
    "lr.schedule.exponential": {
        "en": "Exponential: ExponentialLR multiplies η by γ = {gamma:num} every step, ending at 5% of η.",
        "ko": "지수 감소: ExponentialLR이 매 단계 η에 γ = {gamma:num}{을} 곱해, 끝에는 η의 5%가 됩니다.",
    },
    "lr.schedule.cosine": {
        "en": "Cosine: CosineAnnealingLR(T_max = {steps}) lowers η along half a cosine towards 0.",
        "ko": "코사인: CosineAnnealingLR(T_max = {steps})이 η를 코사인 반주기를 따라 0 쪽으로 낮춥니다.",
    },
    "lr.schedule.warmup": {
        "en": "Linear warm-up: LinearLR raises η from 10% to 100% over the first {size} steps, then keeps it.",
        "ko": "선형 워밍업: LinearLR이 처음 {size}단계 동안 η를 10%에서 100%까지 올린 뒤 그대로 둡니다.",
    },
    "lr.bad.empty": {
        "en": "The list of learning rates is empty. Type up to {max} numbers between {lo} and {hi}, separated by commas (e.g. 0.05, 0.2, 0.9, 1.1). Still showing: {kept}.",
        "ko": "학습률 목록이 비어 있습니다. {lo}부터 {hi} 사이의 숫자를 쉼표로 구분해 최대 {max}개 입력하세요(예: 0.05, 0.2, 0.9, 1.1). 지금은 이전 목록({kept})을 보여 줍니다.",
    },
    "lr.bad.too_long": {
        "en": "That text is too long to be a list of learning rates ({bad}). Type up to {max} numbers between {lo} and {hi}, separated by commas. Still showing: {kept}.",
        "ko": "학습률 목록으로 보기에는 글이 너무 깁니다({bad}). {lo}부터 {hi} 사이의 숫자를 쉼표로 구분해 최대 {max}개 입력하세요. 지금은 이전 목록({kept})을 보여 줍니다.",
    },
    "lr.bad.not_number": {
        "en": "{bad} is not a number. The learning rates must be numbers between {lo} and {hi}, separated by commas, up to {max} of them (e.g. 0.05, 0.2, 0.9, 1.1). Still showing: {kept}.",
        "ko": "{bad} 값은 숫자가 아닙니다. 학습률은 {lo}부터 {hi} 사이의 숫자를 쉼표로 구분해 최대 {max}개까지 입력합니다(예: 0.05, 0.2, 0.9, 1.1). 지금은 이전 목록({kept})을 보여 줍니다.",
    },
    "lr.bad.out_of_range": {
        "en": "{bad} is outside the accepted range: a learning rate must be a positive number between {lo} and {hi}. Type up to {max} such numbers, separated by commas. Still showing: {kept}.",
        "ko": "{bad} 값은 받을 수 있는 범위를 벗어났습니다. 학습률은 {lo}부터 {hi} 사이의 양수여야 합니다. 이런 숫자를 쉼표로 구분해 최대 {max}개 입력하세요. 지금은 이전 목록({kept})을 보여 줍니다.",
    },
    "lr.truncated": {
        "en": "At most {max} rates are compared at once, so only the first {max} are used: {kept}.",
        "ko": "한 번에 최대 {max}개까지만 비교하므로 앞의 {max}개만 사용합니다: {kept}.",
    },
    "lr.stopped_exploded": {
        "en": "The run with η = {lr:g} diverged and was stopped at step {step}: its loss passed a million times its start.",
        "ko": "η = {lr:g} 실행은 발산하여 {step}단계에서 멈췄습니다. 손실이 시작값의 백만 배를 넘었습니다.",
    },
    "lr.stopped_nonfinite": {
        "en": "The run with η = {lr:g} diverged and was stopped at step {step}: the loss or gradient became infinite or NaN.",
        "ko": "η = {lr:g} 실행은 발산하여 {step}단계에서 멈췄습니다. 손실이나 기울기가 무한대 또는 NaN이 되었습니다.",
    },
    "lr.metric_lmin": {"en": "λ_min of the Hessian at θ₀", "ko": "θ₀에서 헤시안의 λ_min"},
    "lr.metric_lmax": {"en": "λ_max of the Hessian at θ₀", "ko": "θ₀에서 헤시안의 λ_max"},
    "lr.metric_eig_help": {
        "en": "Eigenvalues of the 2×2 Hessian (curvature) from torch.autograd.functional.hessian and torch.linalg.eigh.",
        "ko": "2×2 헤시안(곡률)의 고윳값입니다. torch.autograd.functional.hessian과 torch.linalg.eigh로 계산합니다.",
    },
    "lr.metric_limit": {"en": "Critical rate 2/λ_max", "ko": "임계 학습률 2/λ_max"},
    "lr.metric_limit_help": {
        "en": "Above this rate the steepest direction's error grows every step. On the bowl and the valley the curvature is the same everywhere, so the limit is exact; elsewhere it only holds near θ₀.",
        "ko": "이보다 큰 학습률에서는 가장 가파른 방향의 오차가 매 단계 커집니다. 그릇과 골짜기는 곡률이 어디서나 같아 이 한계가 정확하고, 다른 곡면에서는 θ₀ 근처에서만 맞습니다.",
    },
    "lr.no_limit": {"en": "none (no upward curvature)", "ko": "없음 (위로 볼록한 방향 없음)"},
    "lr.note_quadratic": {
        "en": "This surface is quadratic: its Hessian is the same everywhere, so 2/λ_max = {limit:num} is the exact dividing line between runs that settle and runs that blow up.",
        "ko": "이 곡면은 이차 함수라 헤시안이 어디서나 같습니다. 그래서 2/λ_max = {limit:num}{이} 안정되는 실행과 폭발하는 실행을 가르는 정확한 경계입니다.",
    },
    "lr.note_local": {
        "en": "This surface is not quadratic: its curvature changes from place to place, so 2/λ_max at θ₀ is only a local guide. A rate that is stable at the start can still overshoot in a steeper region later.",
        "ko": "이 곡면은 이차 함수가 아니어서 곳에 따라 곡률이 달라집니다. 그래서 θ₀에서의 2/λ_max는 그 근처에서만 통하는 기준입니다. 처음에 안정적인 학습률도 나중에 더 가파른 곳에서는 지나칠 수 있습니다.",
    },
    "lr.table_title": {"en": "Each run and its label", "ko": "실행별 결과와 판정"},
    "lr.col_lr": {"en": "rate η", "ko": "학습률 η"},
    "lr.col_label": {"en": "label", "ko": "판정"},
    "lr.col_factor": {"en": "max |1 − η_k·λᵢ| at the last step", "ko": "마지막 단계의 최대 |1 − η_k·λᵢ|"},
    "lr.col_last_rate": {"en": "last η_k", "ko": "마지막 η_k"},
    "lr.col_gap0": {"en": "L₀ − L_min", "ko": "처음 L₀ − L_min"},
    "lr.col_gap": {"en": "final L − L_min", "ko": "마지막 L − L_min"},
    "lr.col_stop": {"en": "stopped at step", "ko": "멈춘 단계"},
    "lr.rule_title": {"en": "How each run is labelled", "ko": "실행마다 판정을 붙이는 규칙"},
    "lr.rule": {
        "en": "The checks run in this order; the first that applies gives the label.\n\n1. **diverging**: the run was stopped (the loss or gradient became inf/NaN, or the loss passed 10⁶ × max(1, |L₀|)), or it ended with a higher loss than it started, or, on a quadratic surface, its last rate η_k is above 2/λ_max, so every further step grows the error.\n2. **oscillating**: along one eigen-direction of the Hessian at θ₀, at least half of the consecutive steps reverse direction (each step overshoots; on a quadratic this happens exactly when ηλ > 1).\n3. **slow**: the gap to the minimum shrank by less than 1000×, i.e. L_k − L_min > 10⁻³ · (L₀ − L_min) after the last step k.\n4. **converging**: everything else.\n\nThe same rule labels every point of the sweep.",
        "ko": "아래 순서대로 확인하고, 처음 해당하는 항목이 판정이 됩니다.\n\n1. **발산**: 실행이 멈췄거나(손실이나 기울기가 inf/NaN이 되거나, 손실이 10⁶ × max(1, |L₀|)을 넘음), 시작할 때보다 손실이 커진 채로 끝났거나, 이차 곡면에서 마지막 학습률 η_k가 2/λ_max보다 커서 앞으로 걸음마다 오차가 커지는 경우.\n2. **진동**: θ₀에서 헤시안의 한 고유 방향을 따라, 연속한 두 걸음 가운데 절반 이상이 방향을 뒤집는 경우(걸음마다 최솟값을 지나침. 이차 곡면에서는 정확히 ηλ > 1일 때).\n3. **느림**: 최솟값까지의 차이가 1000분의 1로도 줄지 않은 경우. 즉 마지막 단계 k에서 L_k − L_min > 10⁻³ · (L₀ − L_min).\n4. **수렴**: 나머지 모두.\n\n스윕의 모든 점도 같은 규칙으로 판정합니다.",
    },
    "lr.label.slow": {"en": "slow", "ko": "느림"},
    "lr.label.converging": {"en": "converging", "ko": "수렴"},
    "lr.label.oscillating": {"en": "oscillating", "ko": "진동"},
    "lr.label.diverging": {"en": "diverging", "ko": "발산"},
    "lr.map_title": {"en": "Contour map: one path per rate", "ko": "등고선 지도: 학습률별 경로"},
    "lr.loss_title": {"en": "Loss gap per step (log scale)", "ko": "단계별 손실 차이 (로그 눈금)"},
    "lr.rate_title": {"en": "Learning rate η_k set by the scheduler", "ko": "스케줄러가 정한 학습률 η_k"},
    "lr.trace_limit": {"en": "critical rate 2/λ_max = {limit}", "ko": "임계 학습률 2/λ_max = {limit}"},
    "lr.trace_limit_local": {"en": "2/λ_max at θ₀ = {limit} (local)", "ko": "θ₀에서의 2/λ_max = {limit} (국소)"},
    "lr.trace_overshoot": {"en": "1/λ_max = {limit}: overshooting starts", "ko": "1/λ_max = {limit}: 지나치기 시작"},
    "lr.trace_now": {"en": "current step", "ko": "현재 단계"},
    "lr.axis_step": {"en": "step k", "ko": "단계 k"},
    "lr.axis_gap": {"en": "loss gap L − L_min", "ko": "손실 차이 L − L_min"},
    "lr.axis_rate": {"en": "η_k (log)", "ko": "η_k (로그)"},
    "lr.axis_sweep_lr": {"en": "learning rate η (log scale)", "ko": "학습률 η (로그 눈금)"},
    "lr.axis_sweep_gap": {"en": "L − L_min after {steps} steps", "ko": "{steps}단계 뒤 L − L_min"},
    "lr.sweep_title": {
        "en": "Sweep: final loss gap for {count} learning rates, {steps} steps each",
        "ko": "스윕: 학습률 {count}개로 각각 {steps}단계 실행한 뒤의 손실 차이",
    },
    "lr.sweep_caption": {
        "en": "All {count} rates run together in one batched tensor (rates along the first dimension) with the same schedule. Large hollow markers are your runs. Diverged runs are plotted where they were stopped. A gap of exactly 0 is drawn at 10⁻²⁰.",
        "ko": "{count}개의 학습률을 같은 스케줄로 하나의 배치 텐서(첫 번째 차원이 학습률)에서 함께 실행합니다. 속이 빈 큰 표시가 위에서 입력한 실행입니다. 발산한 실행은 멈춘 지점의 값으로 그립니다. 차이가 정확히 0이면 10⁻²⁰에 그립니다.",
    },
    "lr.try.four.name": {"en": "Four behaviours in a narrow valley", "ko": "좁은 골짜기에서 네 가지 행동"},
    "lr.try.four.what": {
        "en": "Narrow valley 0.1x² + 2y² (λ = 0.2 and 4, 2/λ_max = 0.5), η = 0.02 / 0.2 / 0.45 / 0.55: slow, converging, oscillating, diverging. The paths bend apart: the steep y settles or zig-zags first while the flat x crawls. Press ▶ to watch them leave the star together.",
        "ko": "좁은 골짜기 0.1x² + 2y² (λ = 0.2와 4, 2/λ_max = 0.5), η = 0.02 / 0.2 / 0.45 / 0.55: 느림, 수렴, 진동, 발산. 경로가 서로 다르게 휘어집니다. 가파른 y 방향이 먼저 자리를 잡거나 지그재그로 오가는 동안 완만한 x 방향은 기어갑니다. ▶를 눌러 네 경로가 별에서 함께 출발하는 모습을 보세요.",
    },
    "lr.try.edge.name": {"en": "Right at the edge", "ko": "경계 바로 위"},
    "lr.try.edge.what": {
        "en": "Valley, η = 0.45 / 0.495 / 0.5 / 0.505 around 2/λ_max = 0.5: at exactly 0.5 the steep y bounces between +1 and −1 forever while x still creeps in; 1% more and y slowly escapes.",
        "ko": "골짜기, 2/λ_max = 0.5 근처의 η = 0.45 / 0.495 / 0.5 / 0.505: 정확히 0.5이면 가파른 y가 +1과 −1 사이를 영원히 오가고 x는 계속 조금씩 다가갑니다. 1%만 커져도 y가 천천히 빠져나갑니다.",
    },
    "lr.try.cosine.name": {"en": "Decay rescues a large rate", "ko": "감소 스케줄이 큰 학습률을 구함"},
    "lr.try.cosine.what": {
        "en": "Valley, η = 0.3 / 0.55 / 0.65 with a cosine schedule: 0.55 and 0.65 start above the limit 0.5 and bounce outwards, but once η_k falls below the dashed line they come back and settle.",
        "ko": "골짜기, η = 0.3 / 0.55 / 0.65에 코사인 스케줄: 0.55와 0.65는 한계 0.5 위에서 시작해 바깥으로 튕겨 나가지만, η_k가 점선 아래로 내려오면 돌아와 자리를 잡습니다.",
    },
    "lr.try.step.name": {"en": "Step decay in the valley", "ko": "골짜기에서 계단식 감소"},
    "lr.try.step.what": {
        "en": "Valley, η = 0.45 / 0.55 with StepLR: 0.55 starts above the limit 0.5, but halving η every quarter brings it back below before it blows up.",
        "ko": "골짜기, η = 0.45 / 0.55에 StepLR: 0.55는 한계 0.5보다 크게 시작하지만, 4분의 1마다 η를 절반으로 줄여 폭발하기 전에 한계 아래로 돌아옵니다.",
    },
    "lr.try.banana.name": {"en": "Rosenbrock: no good single rate", "ko": "로젠브록: 딱 맞는 학습률이 없음"},
    "lr.try.banana.what": {
        "en": "Rosenbrock from (−1.5, 2), 300 steps: 0.0025 blows up on the steep wall within a few steps; 0.002, just below it, reaches the minimum, while 0.0005 and 0.0015 still crawl along the curved floor. The curvature changes too much for one η.",
        "ko": "로젠브록, (−1.5, 2)에서 300단계: 0.0025는 가파른 벽에서 몇 걸음 만에 폭발하고, 바로 아래인 0.002는 최솟값에 닿지만 0.0005와 0.0015는 휘어진 바닥을 따라 아직 기어갑니다. 곡률이 너무 크게 변해서 η 하나로는 부족합니다.",
    },
    "lr.schedule_name.constant": {"en": "Constant", "ko": "일정"},
    "lr.schedule_name.step": {"en": "Step decay", "ko": "계단식 감소"},
    "lr.schedule_name.exponential": {"en": "Exponential decay", "ko": "지수 감소"},
    "lr.schedule_name.cosine": {"en": "Cosine annealing", "ko": "코사인 어닐링"},
    "lr.schedule_name.warmup": {"en": "Linear warm-up", "ko": "선형 워밍업"},
}
