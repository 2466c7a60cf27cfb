"""Texts of the optimizer-race page."""

TEXT = {
    "opt.intro": {
        "en": "Plain gradient descent uses only the gradient at the current point. **Momentum** and **Nesterov** also remember where they were heading; **RMSprop**, **Adagrad** and **Adam** divide each coordinate's step by a running size of its gradients. Here they all start from the same point with the same learning rate η and race to a minimum: drag the slider or press play.",
        "ko": "기본 경사하강법은 지금 위치의 기울기만 씁니다. **모멘텀**과 **네스테로프**는 지금까지 가던 방향도 기억하고, **RMSprop**, **Adagrad**, **Adam**은 좌표마다 최근 기울기의 크기로 걸음을 나눕니다. 여기서는 모든 옵티마이저가 같은 시작점에서 같은 학습률 η로 출발해 최솟값까지 경주합니다. 슬라이더를 끌거나 재생을 누르세요.",
    },
    "opt.intro_more": {
        "en": "Remembering the heading lets momentum and Nesterov build up speed along a long valley and damp the zig-zag across it. Dividing by the gradient's running size makes steep and flat directions move at similar speeds. Add gradient noise to see what happens with minibatches (chapter 10), and open the from-scratch view under the chart to check each update by hand against torch.optim.",
        "ko": "가던 방향을 기억하므로 모멘텀과 네스테로프는 긴 골짜기를 따라 속도가 붙고, 골짜기를 가로지르는 지그재그는 줄어듭니다. 기울기 크기로 걸음을 나누면 가파른 방향과 완만한 방향이 비슷한 속도로 움직입니다. 기울기 잡음을 넣으면 미니배치로 학습할 때 어떤 일이 생기는지 볼 수 있고(10장), 차트 아래의 직접 구현 보기에서 갱신을 손으로 계산해 torch.optim과 비교할 수 있습니다.",
    },
    "opt.formula_note": {
        "en": "Momentum keeps a velocity v; Adam keeps running averages m (direction) and v (size) of the gradient, corrects their start-up bias (m̂, v̂) and steps by m̂/√v̂. These are torch.optim's own update rules.",
        "ko": "모멘텀은 속도 v를 유지하고, Adam은 기울기의 이동 평균 m(방향)과 v(크기)를 유지하며 초기 편향을 보정한 m̂, v̂로 m̂/√v̂만큼 이동합니다. torch.optim이 실제로 쓰는 갱신 규칙입니다.",
    },
    "opt.hyper": {
        "en": "Hyperparameters μ, β₁, β₂, α, ε",
        "ko": "하이퍼파라미터 μ, β₁, β₂, α, ε",
    },
    "opt.surface": {"en": "Loss surface", "ko": "손실 곡면"},
    "opt.surface_help": {
        "en": "The function L(x, y) every optimizer minimises. Choosing one also applies its start point, learning rate and step count.",
        "ko": "모든 옵티마이저가 최소화할 함수 L(x, y)입니다. 곡면을 고르면 그에 맞는 시작점, 학습률, 단계 수가 함께 적용됩니다.",
    },
    "opt.start": {"en": "Start θ₀ = ({x:g}, {y:g})", "ko": "시작점 θ₀ = ({x:g}, {y:g})"},
    "opt.optims": {"en": "Optimizers in the race", "ko": "경주에 나갈 옵티마이저"},
    "opt.optims_help": {
        "en": "Each is a real torch.optim class. SGD: plain SGD · Momentum: SGD(momentum=μ), a heavy ball · Nesterov: SGD(momentum=μ, nesterov=True), look-ahead momentum · RMSprop: divides by a running RMS of the gradient · Adagrad: divides by the sum of all past squares · Adam: momentum + RMSprop + bias correction.",
        "ko": "모두 실제 torch.optim 클래스입니다. SGD: 기본 SGD · 모멘텀: SGD(momentum=μ), 관성(무거운 공) · 네스테로프: SGD(momentum=μ, nesterov=True), 앞을 내다보는 모멘텀 · RMSprop: 기울기 제곱의 이동 평균으로 나눔 · Adagrad: 지금까지의 기울기 제곱 합으로 나눔 · Adam: 모멘텀 + RMSprop + 편향 보정.",
    },
    "opt.lr": {"en": "Learning rate η (all)", "ko": "학습률 η (공통)"},
    "opt.lr_help": {
        "en": "One η for every optimizer. For SGD-type methods the step is η × gradient; for RMSprop, Adagrad and Adam it is about η per coordinate, whatever the gradient's size.",
        "ko": "모든 옵티마이저가 같은 η를 씁니다. SGD 계열은 걸음이 η × 기울기이고, RMSprop·Adagrad·Adam은 기울기 크기와 상관없이 좌표마다 대략 η만큼 움직입니다.",
    },
    "opt.steps": {"en": "Steps", "ko": "단계 수"},
    "opt.steps_help": {
        "en": "How many optimizer.step() calls each optimizer gets.",
        "ko": "옵티마이저마다 optimizer.step()을 몇 번 호출할지 정합니다.",
    },
    "opt.momentum": {"en": "Momentum μ", "ko": "모멘텀 μ"},
    "opt.momentum_help": {
        "en": "How much of the previous velocity is kept each step (momentum and Nesterov). μ = 0.9 remembers roughly the last 10 gradients.",
        "ko": "매 단계 이전 속도를 얼마나 남길지 정합니다(모멘텀, 네스테로프). μ = 0.9면 대략 최근 10개의 기울기를 기억합니다.",
    },
    "opt.beta1": {"en": "Adam β₁", "ko": "Adam의 β₁"},
    "opt.beta1_help": {
        "en": "Decay of Adam's average gradient m (its momentum). 0 turns Adam's momentum off.",
        "ko": "Adam의 기울기 평균 m(모멘텀)의 감쇠율입니다. 0이면 Adam의 모멘텀이 꺼집니다.",
    },
    "opt.beta2": {"en": "Adam β₂", "ko": "Adam의 β₂"},
    "opt.beta2_help": {
        "en": "Decay of Adam's average squared gradient v, the per-coordinate step scale. Close to 1 = long memory.",
        "ko": "Adam의 기울기 제곱 평균 v(좌표별 걸음 크기 조절)의 감쇠율입니다. 1에 가까울수록 오래 기억합니다.",
    },
    "opt.alpha": {"en": "RMSprop α", "ko": "RMSprop의 α"},
    "opt.alpha_help": {
        "en": "Decay of RMSprop's average squared gradient. RMSprop has no bias correction, so its first steps are about η/√(1−α) long.",
        "ko": "RMSprop의 기울기 제곱 평균의 감쇠율입니다. RMSprop에는 편향 보정이 없어 처음 몇 걸음이 약 η/√(1−α)로 큽니다.",
    },
    "opt.eps": {"en": "ε", "ko": "ε"},
    "opt.eps_help": {
        "en": "RMSprop, Adagrad and Adam add ε to the denominator so it is never zero. A large ε makes the adaptive methods behave more like SGD.",
        "ko": "RMSprop, Adagrad, Adam이 분모가 0이 되지 않도록 더하는 값입니다. ε가 크면 적응형 방법이 SGD처럼 동작합니다.",
    },
    "opt.noise": {"en": "Gradient noise", "ko": "기울기 잡음"},
    "opt.noise_help": {
        "en": "Adds N(0, σ²) to each gradient coordinate, σ = noise × ‖∇L(θ₀)‖, like a minibatch gradient. Every optimizer gets the same draws, fixed by the seed in the sidebar.",
        "ko": "미니배치 기울기처럼 각 기울기 좌표에 N(0, σ²)를 더합니다. σ = 잡음 × ‖∇L(θ₀)‖입니다. 모든 옵티마이저가 같은 난수를 받으며, 사이드바의 시드로 고정됩니다.",
    },
    "opt.noise_on": {
        "en": "Noisy gradients: σ = {sigma:num} per coordinate (seed {seed}). The loss curves show the true loss L(θₖ), without noise.",
        "ko": "잡음 섞인 기울기: 좌표마다 σ = {sigma:num} (시드 {seed}). 손실 곡선은 잡음 없는 실제 손실 L(θₖ)입니다.",
    },
    "opt.pick_one": {
        "en": "Pick at least one optimizer above to start the race. The from-scratch view below still runs momentum and Adam.",
        "ko": "경주를 시작하려면 위에서 옵티마이저를 하나 이상 고르세요. 아래의 직접 구현 보기는 모멘텀과 Adam으로 계속 실행됩니다.",
    },
    "opt.diverged_exploded": {
        "en": "**{name} diverged at step {step}** and was stopped: its loss passed a million times the start value. With η = {lr:g} its steps overshoot more each time; try a smaller η.",
        "ko": "**{name}: {step}단계에서 발산하여 멈췄습니다.** 손실이 시작값의 백만 배를 넘었습니다. η = {lr:g}에서는 걸음마다 더 크게 지나칩니다. 더 작은 η를 시도해 보세요.",
    },
    "opt.diverged_nonfinite": {
        "en": "**{name} diverged at step {step}** and was stopped: its loss or gradient became infinite or NaN. η = {lr:g} is far too large for it here.",
        "ko": "**{name}: {step}단계에서 발산하여 멈췄습니다.** 손실이나 기울기가 무한대 또는 NaN이 되었습니다. 여기서 η = {lr:g}{은} 너무 큽니다.",
    },
    "opt.winner": {
        "en": "**{name}** finished first: from step {step} on it stayed within {tol:g} of a minimum.",
        "ko": "**{name}{이}** 1등입니다. {step}단계부터 끝까지 최솟값에서 {tol:g} 이내에 머물렀습니다.",
    },
    "opt.no_winner": {
        "en": "Nobody settled within {tol:g} of a minimum in {steps} steps. Closest at the end: **{name}**, {dist:num} away. Try more steps or another η.",
        "ko": "{steps}단계 안에 최솟값에서 {tol:g} 이내로 자리 잡은 옵티마이저가 없습니다. 마지막에 가장 가까운 것은 **{name}**({dist:num} 거리)입니다. 단계 수나 η를 바꿔 보세요.",
    },
    "opt.table_title": {"en": "Race results", "ko": "경주 결과"},
    "opt.table_caption": {
        "en": "First step length ‖θ₁ − θ₀‖ shows how differently the same η is used: SGD-type steps scale with the gradient, adaptive ones do not.",
        "ko": "첫 걸음 길이 ‖θ₁ − θ₀‖를 보면 같은 η가 얼마나 다르게 쓰이는지 알 수 있습니다. SGD 계열의 걸음은 기울기에 비례하고, 적응형은 그렇지 않습니다.",
    },
    "opt.col_name": {"en": "optimizer", "ko": "옵티마이저"},
    "opt.col_first": {"en": "first step length", "ko": "첫 걸음 길이"},
    "opt.col_finish": {"en": "finish step", "ko": "결승 단계"},
    "opt.col_loss": {"en": "final loss", "ko": "최종 손실"},
    "opt.col_dist": {"en": "final distance", "ko": "최종 거리"},
    "opt.col_status": {"en": "status", "ko": "상태"},
    "opt.status_ok": {"en": "ran every step", "ko": "모든 단계 완료"},
    "opt.status_diverged": {"en": "diverged at step {step}", "ko": "{step}단계에서 발산"},
    "opt.name.sgd": {"en": "SGD", "ko": "SGD(기본)"},
    "opt.name.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "opt.name.nesterov": {"en": "Nesterov", "ko": "네스테로프"},
    "opt.name.rmsprop": {"en": "RMSprop", "ko": "RMSprop(제곱 평균)"},
    "opt.name.adagrad": {"en": "Adagrad", "ko": "Adagrad(제곱 누적)"},
    "opt.name.adam": {"en": "Adam", "ko": "Adam(적응 모멘트)"},
    "opt.map_title": {"en": "Paths on the contour map", "ko": "등고선 지도 위의 경로"},
    "opt.loss_title": {"en": "Loss above the minimum", "ko": "최솟값 대비 손실"},
    "opt.dist_title": {"en": "Distance to the nearest minimum", "ko": "가장 가까운 최솟값까지 거리"},
    "opt.axis_step": {"en": "step k", "ko": "단계 k"},
    "opt.axis_gap": {"en": "L(θₖ) − L*", "ko": "L(θₖ) − L*"},
    "opt.axis_dist": {"en": "distance", "ko": "거리"},
    "opt.scratch_title": {
        "en": "From scratch: the update by hand vs torch.optim",
        "ko": "직접 구현: 손으로 쓴 갱신식과 torch.optim 비교",
    },
    "opt.scratch_caption": {
        "en": "The same run written out by hand (code below): the equations with the numbers at the scrubbed step, and torch.optim's own internal state (optimizer.state[p]) beside them. Drag the slider to any step.",
        "ko": "같은 실행을 손으로 직접 구현했습니다(아래 코드). 슬라이더로 고른 단계의 수식과 숫자, 그리고 그 옆에 torch.optim 내부 상태(optimizer.state[p])가 나옵니다. 슬라이더를 끌어 아무 단계나 보세요.",
    },
    "opt.ledger": {"en": "Written out by hand", "ko": "손으로 풀어 쓴 옵티마이저"},
    "opt.ledger_help": {
        "en": "Whose update to follow step by step beside torch.optim's own state; a link keeps the choice (?ledger=adam).",
        "ko": "어느 옵티마이저의 갱신을 torch.optim 내부 상태와 나란히 한 단계씩 따라갈지 고릅니다. 링크에도 남습니다(?ledger=adam).",
    },
    "opt.tab_momentum": {"en": "Momentum: velocity v", "ko": "모멘텀: 속도 v"},
    "opt.tab_adam": {"en": "Adam: m, v and bias correction", "ko": "Adam: m, v와 편향 보정"},
    "opt.scratch_velocity": {"en": "gradient g and velocity v", "ko": "기울기 g와 속도 v"},
    "opt.scratch_update": {"en": "step taken Δθ = −ηv", "ko": "실제 걸음 Δθ = −ηv"},
    "opt.scratch_moment1": {"en": "g, m and bias-corrected m̂", "ko": "g, m과 편향 보정된 m̂"},
    "opt.scratch_moment2": {"en": "v and bias-corrected v̂ (log)", "ko": "v와 편향 보정된 v̂ (로그)"},
    "opt.scratch_ledger": {"en": "Step k by hand, beside torch.optim", "ko": "k단계 손 계산과 torch.optim 비교"},
    "opt.row_grad": {"en": "gradient gₖ = ∇L(θₖ₋₁) (+ noise)", "ko": "기울기 gₖ = ∇L(θₖ₋₁) (+ 잡음)"},
    "opt.row_torch": {"en": "torch state['{state}']", "ko": "torch 상태 state['{state}']"},
    "opt.row_diff": {"en": "largest |by hand − torch|", "ko": "|손 계산 − torch|의 최댓값"},
    "opt.before_first": {
        "en": "k = 0: before the first step, all state is 0",
        "ko": "k = 0: 첫 걸음 전이라 상태가 모두 0",
    },
    "opt.match": {"en": "{gap:.1e}  ✓ same to 1e-6", "ko": "{gap:.1e}  ✓ 1e-6 이내로 일치"},
    "opt.mismatch": {"en": "{gap:.1e}  ✗ differs", "ko": "{gap:.1e}  ✗ 다름"},
    "opt.try.valley.name": {"en": "Momentum in a narrow valley", "ko": "좁은 골짜기의 모멘텀"},
    "opt.try.valley.what": {
        "en": "Valley, η = 0.1, SGD against momentum and RMSprop: SGD drops to the valley floor and then crawls along it, still about 1 away after 60 steps. Momentum builds up speed along the floor and swings past the minimum before it settles; RMSprop rescales each axis and heads almost straight in, settling within about 20 steps.",
        "ko": "골짜기, η = 0.1에서 SGD와 모멘텀, RMSprop 비교: SGD는 골짜기 바닥으로 내려간 뒤 바닥을 따라 느리게 기어가서 60단계 뒤에도 최솟값에서 약 1 떨어져 있습니다. 모멘텀은 바닥을 따라 속도가 붙어 최솟값을 지나쳤다가 자리를 잡고, RMSprop은 축마다 걸음을 조절해 거의 곧장 들어가 약 20단계 안에 자리를 잡습니다.",
    },
    "opt.try.banana.name": {"en": "Rosenbrock: same η, different steps", "ko": "로젠브록: 같은 η, 다른 걸음"},
    "opt.try.banana.what": {
        "en": "SGD, momentum and Adam with η = 0.002: the gradient here is about 160, so SGD's first step is about 0.3 long, while Adam's is about 0.003 and it barely moves. Compare the first step lengths in the table.",
        "ko": "SGD, 모멘텀, Adam에 η = 0.002: 여기서 기울기 크기가 약 160이라 SGD의 첫 걸음은 약 0.3이지만 Adam은 약 0.003이라서 거의 움직이지 않습니다. 표의 첫 걸음 길이를 비교해 보세요.",
    },
    "opt.try.banana_adam.name": {"en": "Rosenbrock: an η for Adam", "ko": "로젠브록: Adam에 맞는 η"},
    "opt.try.banana_adam.what": {
        "en": "η = 0.05 with 500 steps: now SGD and momentum blow up at once, while Adam walks the curved valley toward (1, 1). Each family needs its own η.",
        "ko": "η = 0.05로 500단계: 이번에는 SGD와 모멘텀이 곧바로 발산하고, Adam은 휘어진 골짜기를 따라 (1, 1)로 걸어갑니다. 계열마다 맞는 η가 따로 있습니다.",
    },
    "opt.try.noise.name": {"en": "Noisy minibatch gradients", "ko": "잡음 섞인 미니배치 기울기"},
    "opt.try.noise.what": {
        "en": "Valley, η = 0.02, noise 0.2: each gradient jitters (the dotted g in the from-scratch view), but momentum's velocity v and Adam's m are running averages that keep pointing along the valley, so momentum ends far closer than SGD. Adam's m is just as smooth, but its steps are only about η long here. Change the seed for other draws, or raise the noise to 1: momentum's larger effective step then amplifies the noise too, and η has to shrink.",
        "ko": "골짜기, η = 0.02, 잡음 0.2: 기울기 하나하나는 흔들리지만(직접 구현 보기의 점선 g), 모멘텀의 속도 v와 Adam의 m은 이동 평균이라 골짜기 방향을 꾸준히 가리킵니다. 그래서 모멘텀이 SGD보다 훨씬 가까이 갑니다. Adam의 m도 똑같이 매끄럽지만 여기서는 걸음이 η 정도로 짧습니다. 시드를 바꿔 다른 난수로 보거나 잡음을 1로 올려 보세요. 그러면 모멘텀의 커진 실효 걸음이 잡음까지 키워서 η를 줄여야 합니다.",
    },
    "opt.try.saddle.name": {"en": "Escaping a saddle", "ko": "안장점 탈출"},
    "opt.try.saddle.what": {
        "en": "Saddle from (2, 0.01): near the origin the gradient across the saddle almost vanishes. SGD lingers there for about 70 steps. Momentum and Adam leave after about 20; RMSprop, which divides the tiny gradient by its own size with no momentum to wait for, escapes almost at once.",
        "ko": "안장점, (2, 0.01)에서 출발: 원점 근처에서는 안장을 가로지르는 기울기가 거의 0입니다. SGD는 약 70단계 동안 그곳에 머뭅니다. 모멘텀과 Adam은 약 20단계 뒤에 벗어나고, 작은 기울기를 그 크기로 나누면서 기다릴 모멘텀도 없는 RMSprop은 거의 바로 빠져나갑니다.",
    },
    "opt.try.overshoot.name": {"en": "Too much momentum", "ko": "지나친 모멘텀"},
    "opt.try.overshoot.what": {
        "en": "Bowl with μ = 0.97: momentum swings back and forth through the minimum again and again, like a ball on ice, and is still moving after 150 steps. Nesterov's look-ahead brakes before each overshoot and settles much sooner.",
        "ko": "그릇에서 μ = 0.97: 모멘텀이 빙판 위의 공처럼 최솟값을 몇 번이고 지나쳐 오가며 150단계 뒤에도 아직 움직입니다. 네스테로프는 앞을 내다보고 지나치기 전에 제동을 걸어 훨씬 일찍 자리를 잡습니다.",
    },
}
