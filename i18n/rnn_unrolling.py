"""Texts of the RNN-unrolling page."""

TEXT = {
    "rnn.intro": {
        "en": "A recurrent network reads a sequence one step at a time and carries a hidden state h_t from each step to the next. **Unrolling** draws that loop as a chain: one copy of the cell per time step, all sharing the *same* weights W_xh, W_hh and W_hy. Scrub the steps to follow the values through the chain.",
        "ko": "순환 신경망은 시퀀스를 한 단계씩 읽으면서 은닉 상태 h_t를 다음 단계로 넘깁니다. 이 순환 고리를 시간 단계마다 셀을 하나씩 복사해 사슬처럼 그린 것이 **펼치기(unrolling)** 이며, 모든 복사본은 *같은* 가중치 W_xh, W_hh, W_hy를 씁니다. 단계를 넘기며 값이 사슬을 따라 흘러가는 모습을 살펴보세요.",
    },
    "rnn.intro_more": {
        "en": "The hidden-state maps under the chain show every h_t twice: once as nn.RNN returns it and once from a loop written by hand, so you can check that the library does nothing more than the formula. Training then backpropagates the error through the whole chain (BPTT), and that is where the plain RNN's gradient fades away while the LSTM and the GRU keep it alive: the training and gradient charts further down show both.",
        "ko": "사슬 아래의 은닉 상태 지도는 모든 h_t를 두 번 보여 줍니다. 한 번은 nn.RNN이 돌려준 값이고, 한 번은 직접 짠 반복문으로 계산한 값이라서 라이브러리가 공식 그대로 계산한다는 것을 확인할 수 있습니다. 학습할 때는 오차를 이 사슬 전체를 거슬러 역전파(BPTT)하는데, 바로 여기서 기본 RNN의 기울기는 사라져 가고 LSTM과 GRU는 기울기를 살려 둡니다. 아래쪽의 학습 차트와 기울기 차트에서 두 가지를 모두 볼 수 있습니다.",
    },
    "rnn.formula_note": {
        "en": "The same W_xh, W_hh, b and W_hy on every step t = 1 … T, starting from h₀ = 0. PyTorch names them weight_ih_l0, weight_hh_l0, bias_ih_l0 + bias_hh_l0.",
        "ko": "t = 1 … T의 모든 단계에서 같은 W_xh, W_hh, b, W_hy를 쓰고 h₀ = 0에서 시작합니다. PyTorch에서는 weight_ih_l0, weight_hh_l0, bias_ih_l0 + bias_hh_l0이라는 이름입니다.",
    },
    "rnn.sequence": {"en": "Input sequence", "ko": "입력 시퀀스"},
    "rnn.sequence_help": {
        "en": "A sine wave (one number per step, predict the next value) or your own text (one character per step as a one-hot vector, predict the next character).",
        "ko": "사인파(단계마다 숫자 하나, 다음 값을 예측) 또는 직접 입력한 텍스트(단계마다 글자 하나를 원-핫 벡터로, 다음 글자를 예측) 중에서 고릅니다.",
    },
    "rnn.sequence.sine": {"en": "sin(2πft) + noise", "ko": "사인파 sin(2πft) + 잡음"},
    "rnn.sequence.text": {"en": "characters as one-hot vectors", "ko": "텍스트, 한 단계에 한 글자"},
    "rnn.text": {"en": "Text (one character per step)", "ko": "텍스트 (단계마다 한 글자)"},
    "rnn.text_help": {
        "en": "Any Unicode: Korean, emoji, accents. Each character the eye sees (e.g. 한, é, 👍🏽) is one time step; at most T characters are read.",
        "ko": "한글, 이모지, 악센트 등 어떤 유니코드든 됩니다. 눈에 보이는 글자 하나(예: 한, é, 👍🏽)가 한 시간 단계이며, 최대 T글자까지 읽습니다.",
    },
    "rnn.T": {"en": "Time steps T", "ko": "시간 단계 T"},
    "rnn.T_help": {
        "en": "Length of the sequence: how many times the same cell is applied. For text, the first T characters are read.",
        "ko": "시퀀스의 길이, 즉 같은 셀을 몇 번 적용하는지입니다. 텍스트는 처음 T글자를 읽습니다.",
    },
    "rnn.hidden": {"en": "Hidden units H", "ko": "은닉 유닛 수 H"},
    "rnn.hidden_help": {
        "en": "Size of the hidden state h_t (W_hh is H × H).",
        "ko": "은닉 상태 h_t의 크기입니다(W_hh는 H × H 행렬).",
    },
    "rnn.freq": {"en": "Sine frequency f", "ko": "사인파 주파수 f"},
    "rnn.freq_help": {
        "en": "Cycles per time step: f = 0.05 repeats every 20 steps.",
        "ko": "시간 단계당 주기 수입니다. f = 0.05이면 20단계마다 반복됩니다.",
    },
    "rnn.noise": {"en": "Noise σ", "ko": "잡음 σ"},
    "rnn.noise_help": {
        "en": "Standard deviation of Gaussian noise added to every sample. Noise cannot be predicted, so the loss cannot fall below about σ².",
        "ko": "모든 표본에 더하는 가우스 잡음의 표준편차입니다. 잡음은 예측할 수 없으므로 손실이 대략 σ² 아래로는 내려가지 않습니다.",
    },
    "rnn.cell": {"en": "Cell to train", "ko": "학습할 셀"},
    "rnn.cell_help": {
        "en": "The recurrent layer trained below: nn.RNN (tanh), nn.LSTM or nn.GRU. The gradient chart compares all three.",
        "ko": "아래에서 학습할 순환 계층입니다: nn.RNN(tanh), nn.LSTM, nn.GRU. 기울기 차트는 셋을 모두 비교합니다.",
    },
    "rnn.cell.rnn": {"en": "RNN (tanh)", "ko": "기본 RNN (tanh)"},
    "rnn.cell.lstm": {"en": "LSTM, forget bias 1", "ko": "LSTM, 망각 편향 1"},
    "rnn.cell.lstm0": {"en": "LSTM, forget bias 0", "ko": "LSTM, 망각 편향 0"},
    "rnn.cell.gru": {"en": "GRU", "ko": "GRU (게이트 순환 유닛)"},
    "rnn.cell_caption.rnn": {"en": "plain RNN", "ko": "기본 RNN"},
    "rnn.cell_caption.lstm": {"en": "gated cell + memory", "ko": "게이트 + 기억 셀"},
    "rnn.cell_caption.gru": {"en": "gated, lighter", "ko": "게이트, 더 가벼움"},
    "rnn.epochs": {"en": "Epochs", "ko": "에포크"},
    "rnn.epochs_help": {
        "en": "Full passes of Adam over the sequence (each one backpropagates through all T steps).",
        "ko": "시퀀스 전체에 대해 Adam으로 갱신하는 횟수입니다(매번 T단계 전체를 거슬러 역전파합니다).",
    },
    "rnn.forget_bias": {"en": "LSTM forget-gate bias = 1", "ko": "LSTM 망각 게이트 편향 = 1"},
    "rnn.forget_bias_help": {
        "en": "The common trick of starting the forget gate's bias at 1, so f_t ≈ σ(1) ≈ 0.73 and the cell state c_t keeps most of its past at the start of training.",
        "ko": "망각 게이트의 편향을 1로 시작하는 흔한 기법입니다. 그러면 f_t ≈ σ(1) ≈ 0.73이 되어 학습 초기에도 셀 상태 c_t가 과거를 대부분 유지합니다.",
    },
    "rnn.err_empty": {
        "en": "**The text is empty.** Type at least one character (Korean, emoji and any other Unicode are fine), or switch the input sequence to the sine wave.",
        "ko": "**텍스트가 비어 있습니다.** 한 글자 이상 입력하세요(한글, 이모지 등 어떤 유니코드든 됩니다). 또는 입력 시퀀스를 사인파로 바꾸세요.",
    },
    "rnn.warn_cut": {
        "en": "Your text has {total:,} characters; the RNN reads only the first {T} (one per time step, T = {T}). Raise T (up to {max}) to read more.",
        "ko": "입력한 텍스트는 {total:,}글자입니다. RNN은 처음 {T}글자만 읽습니다(시간 단계마다 한 글자, T = {T}). 더 읽으려면 T를 올리세요(최대 {max}).",
    },
    "rnn.text_steps": {
        "en": "{n} characters → {n} time steps. Vocabulary: {vocab} (∎ = end of text, the last step's target).",
        "ko": "{n}글자 → {n}개의 시간 단계. 어휘: {vocab} (∎ = 텍스트의 끝, 마지막 단계의 정답).",
    },
    "rnn.unroll_caption": {
        "en": "An nn.RNN as initialised with seed {seed} (not trained yet). Shapes: W_xh {wxh}, W_hh {whh}, W_hy {why}; the same matrices on all {T} steps. Pick a step with the slider under the chart: its inputs, hidden state and output light up, and the hand-computed heat map fills in up to it.",
        "ko": "시드 {seed}에서 막 초기화한 nn.RNN입니다(아직 학습 전). 모양: W_xh {wxh}, W_hh {whh}, W_hy {why}. {T}개 단계 모두에 같은 행렬을 씁니다. 차트 아래 슬라이더로 단계를 고르면 그 단계의 입력, 은닉 상태, 출력이 강조되고, 손으로 계산한 히트맵이 그 단계까지 채워집니다.",
    },
    "rnn.check_diff": {
        "en": ":material/check_circle: Check: nn.RNN and the hand-written loop give the same hidden states (largest difference {diff:num}).",
        "ko": ":material/check_circle: 확인: nn.RNN과 직접 짠 반복문이 같은 은닉 상태를 냅니다(가장 큰 차이 {diff:num}).",
    },
    "rnn.metric_diff_help": {
        "en": "Largest difference over all T × H hidden values between nn.RNN's output and the loop h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh) with the same weights. Both run in float32, so about 10⁻⁷ is rounding.",
        "ko": "같은 가중치로 nn.RNN의 출력과 반복문 h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)을 비교한 T × H개 은닉값 중 가장 큰 차이입니다. 둘 다 float32로 계산하므로 10⁻⁷ 정도는 반올림 오차입니다.",
    },
    "rnn.metric_steps": {"en": "Time steps", "ko": "시간 단계"},
    "rnn.metric_params": {"en": "Shared parameters", "ko": "공유 파라미터 수"},
    "rnn.metric_params_help": {
        "en": "Weights and biases of the cell and the output layer. Unrolling adds no parameters: every step reuses them.",
        "ko": "셀과 출력층의 가중치와 편향 수입니다. 펼쳐도 파라미터는 늘지 않습니다. 모든 단계가 같은 것을 다시 씁니다.",
    },
    "rnn.graph_title": {
        "en": "Unrolled: xₜ → hₜ → yₜ, the same weights on every step",
        "ko": "펼친 모습: xₜ → hₜ → yₜ, 모든 단계에서 같은 가중치",
    },
    "rnn.heat_torch_title": {"en": "hₜ from nn.RNN<br>(units × time)", "ko": "nn.RNN이 계산한 hₜ<br>(유닛 × 시간)"},
    "rnn.heat_manual_title": {
        "en": "hₜ by hand, step by step<br>(same weights)",
        "ko": "같은 가중치로<br>한 단계씩 직접 계산한 hₜ",
    },
    "rnn.row_x": {"en": "input xₜ", "ko": "입력 xₜ"},
    "rnn.row_h": {"en": "hidden hₜ", "ko": "은닉 hₜ"},
    "rnn.row_y": {"en": "output yₜ", "ko": "출력 yₜ"},
    "rnn.flow_guess": {"en": "most likely next: '{c}' ({p:.0f}%)", "ko": "가장 유력한 다음 글자: '{c}' ({p:.0f}%)"},
    "rnn.flow_target": {"en": " (target {c})", "ko": " (정답 {c})"},
    "rnn.anim_step": {"en": "time step t = ", "ko": "시간 단계 t = "},
    "rnn.anim_epoch": {"en": "epoch ", "ko": "에포크 "},
    "rnn.axis_step": {"en": "time step t", "ko": "시간 단계 t"},
    "rnn.axis_unit": {"en": "hidden unit", "ko": "은닉 유닛"},
    "rnn.train_title": {"en": "2 · Training: predict the next step", "ko": "2 · 학습: 다음 단계 예측하기"},
    "rnn.train_caption_sine": {
        "en": "{cell} with H = {H} learns xₜ₊₁ from x₁ … xₜ (mean squared error, Adam, gradient norm clipped at 1). ▶ plays the epochs.",
        "ko": "H = {H}인 {cell}{이} x₁ … xₜ로부터 xₜ₊₁을 배웁니다(평균제곱오차, Adam, 기울기 노름 1로 자르기). ▶로 에포크를 재생합니다.",
    },
    "rnn.train_caption_text": {
        "en": "{cell} with H = {H} learns the next character after each prefix (cross-entropy, Adam, gradient norm clipped at 1). Each dot is the probability it gives the right next character; the letter above it is its top guess.",
        "ko": "H = {H}인 {cell}{이} 각 접두어 다음에 올 글자를 배웁니다(교차 엔트로피, Adam, 기울기 노름 1로 자르기). 점은 정답 글자에 준 확률이고, 위의 글자는 가장 유력하다고 본 글자입니다.",
    },
    "rnn.training_spinner": {"en": "Training for {epochs} epochs…", "ko": "{epochs}에포크 동안 학습하는 중…"},
    "rnn.trained": {
        "en": "After {epochs} epochs the mean loss fell from {l0:num} to {ln:num}.",
        "ko": "{epochs}에포크 뒤 평균 손실이 {l0:num}에서 {ln:num}{으로} 줄었습니다.",
    },
    "rnn.not_trained": {
        "en": "After {epochs} epochs the mean loss went from {l0:num} to {ln:num}: it did not go down. Try more epochs or another cell.",
        "ko": "{epochs}에포크 뒤 평균 손실이 {l0:num}에서 {ln:num}{으로} 바뀌었고 줄지 않았습니다. 에포크를 늘리거나 다른 셀을 시도해 보세요.",
    },
    "rnn.diverged": {
        "en": "**Training stopped at epoch {epoch}:** the loss became infinite or NaN. The charts show the epochs before it.",
        "ko": "**{epoch}에포크에서 학습을 멈췄습니다.** 손실이 무한대 또는 NaN이 되었습니다. 차트에는 그 전까지의 에포크가 나옵니다.",
    },
    "rnn.pred_title_sine": {"en": "Prediction ŷₜ vs target xₜ₊₁", "ko": "예측 ŷₜ와 정답 xₜ₊₁"},
    "rnn.pred_title_text": {
        "en": "Probability of the right next character",
        "ko": "정답인 다음 글자에 준 확률",
    },
    "rnn.loss_title": {"en": "Loss per epoch", "ko": "에포크별 손실"},
    "rnn.trace_target": {"en": "target xₜ₊₁", "ko": "정답 xₜ₊₁"},
    "rnn.trace_pred": {"en": "prediction ŷₜ", "ko": "예측 ŷₜ"},
    "rnn.trace_prob": {"en": "p(right next character)", "ko": "p(정답 다음 글자)"},
    "rnn.trace_loss_all": {"en": "whole run", "ko": "전체 학습"},
    "rnn.trace_loss": {"en": "loss so far", "ko": "지금까지의 손실"},
    "rnn.axis_epoch": {"en": "epoch", "ko": "에포크"},
    "rnn.axis_loss": {"en": "mean loss", "ko": "평균 손실"},
    "rnn.axis_value": {"en": "value", "ko": "값"},
    "rnn.axis_prob": {"en": "probability", "ko": "확률"},
    "rnn.bptt_title": {
        "en": "3 · Backpropagation through time: does the gradient reach step 1?",
        "ko": "3 · 시간을 거스르는 역전파: 기울기가 1단계까지 닿을까?",
    },
    "rnn.bptt_caption": {
        "en": "Each curve is ‖∂L_T/∂h_t‖, the size of the gradient of the **last** step's loss with respect to the hidden state of step t, for freshly initialised cells (same seed, same task, H = {H}). The y axis is logarithmic: a straight falling line means the gradient shrinks by the same factor on every step back.",
        "ko": "각 곡선은 ‖∂L_T/∂h_t‖, 즉 **마지막** 단계의 손실을 t단계의 은닉 상태로 미분한 기울기의 크기입니다(같은 시드, 같은 과제, H = {H}{으로} 막 초기화한 셀). 세로축은 로그 눈금이라, 곧게 내려가는 직선은 한 단계 거슬러 갈 때마다 기울기가 같은 비율로 줄어든다는 뜻입니다.",
    },
    "rnn.grad_title": {
        "en": "‖∂L_T/∂hₜ‖ for t = 1 … {T} (log scale)",
        "ko": "t = 1 … {T}에서의 ‖∂L_T/∂hₜ‖ (로그 눈금)",
    },
    "rnn.axis_grad": {"en": "gradient norm ‖∂L_T/∂hₜ‖", "ko": "기울기 노름 ‖∂L_T/∂hₜ‖"},
    "rnn.metric_grad": {"en": "‖∂L_T/∂h₁‖ of {cell}", "ko": "{cell}의 ‖∂L_T/∂h₁‖"},
    "rnn.verdict_vanish": {
        "en": "**The plain RNN's gradient vanishes.** The gradient that reaches the first step is about {lstm} times larger for the LSTM and {gru} times larger for the GRU than for the plain RNN. In the RNN every step back multiplies by W_hhᵀ·diag(1 − h_t²), which shrinks it; through their gates, the LSTM's cell state and the GRU's h_t pass it back with far less shrinking.",
        "ko": "**기본 RNN의 기울기는 사라집니다.** 첫 단계까지 닿는 기울기가 기본 RNN보다 LSTM은 약 {lstm}배, GRU는 약 {gru}배 큽니다. RNN에서는 한 단계 거슬러 갈 때마다 W_hhᵀ·diag(1 − h_t²)가 곱해져 기울기가 줄어들지만, LSTM의 셀 상태와 GRU의 h_t는 게이트 덕분에 훨씬 덜 줄어든 채로 기울기를 되돌려 보냅니다.",
    },
    "rnn.verdict_mixed": {
        "en": "With these settings the gap at the first step is small: the gradient there is {lstm} times the plain RNN's for the LSTM and {gru} times for the GRU. At initialisation it depends on the random weights; try another seed or a longer sequence (larger T).",
        "ko": "이 설정에서는 첫 단계에서의 차이가 작습니다. 그 단계의 기울기가 기본 RNN에 비해 LSTM은 {lstm}배, GRU는 {gru}배입니다. 초기화 직후의 기울기는 무작위 가중치에 따라 달라지니 다른 시드나 더 긴 시퀀스(더 큰 T)를 시도해 보세요.",
    },
    "rnn.forget_effect": {
        "en": "Forget-gate bias: with b_f = 1 the LSTM passes {ratio} times as much gradient to step 1 as with b_f = 0 (the faint dotted curve is the setting you did not pick).",
        "ko": "망각 게이트 편향: b_f = 1이면 b_f = 0일 때보다 LSTM이 1단계에 {ratio}배의 기울기를 전달합니다(흐린 점선은 고르지 않은 쪽 설정입니다).",
    },
    "rnn.try.vanish.name": {"en": "Vanishing gradients", "ko": "사라지는 기울기"},
    "rnn.try.vanish.what": {
        "en": "Sine, T = 40: on the log-scale chart the RNN's gradient falls in a straight line, about a million times below the LSTM's by step 1.",
        "ko": "사인파, T = 40: 로그 눈금 차트에서 RNN의 기울기는 직선으로 떨어져, 1단계에서는 LSTM보다 약 백만 배 작아집니다.",
    },
    "rnn.try.korean.name": {"en": "Read a Korean word", "ko": "한국어 단어 읽기"},
    "rnn.try.korean.what": {
        "en": "Text “안녕하세요”: five characters, five unrolled steps, one character on each input node. Then scrub the training epochs below and watch the RNN learn that 녕 follows 안.",
        "ko": "텍스트 ‘안녕하세요’: 다섯 글자가 다섯 단계로 펼쳐지고, 입력 노드마다 글자가 하나씩 놓입니다. 그런 다음 아래에서 학습 에포크를 넘겨 보며 RNN이 ‘안’ 다음에 ‘녕’이 온다는 걸 배우는 과정을 보세요.",
    },
    "rnn.try.nobias.name": {"en": "LSTM without the forget bias", "ko": "망각 편향 없는 LSTM"},
    "rnn.try.nobias.what": {
        "en": "Forget bias off and the LSTM trained: f_t ≈ σ(0) = 0.5 halves the memory each step, and its gradient curve drops almost as steeply as the RNN's.",
        "ko": "망각 편향을 끄고 LSTM을 학습: f_t ≈ σ(0) = 0.5라서 매 단계 기억이 절반으로 줄고, 기울기 곡선도 RNN만큼 가파르게 떨어집니다.",
    },
    "rnn.try.long.name": {"en": "A longer sequence", "ko": "더 긴 시퀀스"},
    "rnn.try.long.what": {
        "en": "T = 60: twenty more steps back, twenty more shrinking factors. The RNN's gradient at step 1 drops by several more orders of magnitude.",
        "ko": "T = 60: 20단계를 더 거슬러 가니 줄어드는 곱도 20번 더 붙습니다. 1단계에서 RNN의 기울기가 몇 자릿수 더 작아집니다.",
    },
    "rnn.try.noise.name": {"en": "Memorising the noise", "ko": "잡음까지 외우기"},
    "rnn.try.noise.what": {
        "en": "Noise σ = 0.3 with a GRU: noise cannot be predicted, so an honest model stays near σ² = 0.09. Yet within about 50 epochs the training loss sinks below it: the net memorises this one sequence's jitter. That is overfitting (chapter 12).",
        "ko": "잡음 σ = 0.3, GRU: 잡음은 예측할 수 없으니 정직한 모델의 손실은 σ² = 0.09 근처에 머물러야 합니다. 그런데 50에포크쯤 지나면 학습 손실이 그 아래로 내려갑니다. 이 시퀀스 하나의 잡음까지 외워 버린 것으로, 이것이 바로 오버피팅입니다(12장).",
    },
    "rnn.sequence_name.sine": {"en": "Sine wave", "ko": "사인파"},
    "rnn.sequence_name.text": {"en": "Text", "ko": "텍스트"},
    "rnn.cell_name.rnn": {"en": "Plain RNN", "ko": "기본 RNN"},
    "rnn.cell_name.lstm": {"en": "LSTM (long short-term memory)", "ko": "LSTM (장단기 기억)"},
    "rnn.cell_name.gru": {"en": "GRU (gated recurrent unit)", "ko": "GRU (게이트 순환 유닛)"},
}
