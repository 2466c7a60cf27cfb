"""Texts of the dropout and regularization page."""

TEXT = {
    "drop.intro": {
        "en": "A wide network and a handful of noisy points: the network can memorise every point, noise included, and then does worse on new data (**overfitting**). **Dropout** switches off each hidden unit with probability p at every training step, so no unit can rely on a particular partner. Here the same network, from the same initial weights, is trained without and with regularization.",
        "ko": "넓은 신경망에 잡음 섞인 점 몇 개만 주면, 신경망은 잡음까지 포함해 모든 점을 외워 버리고 새 데이터에서는 오히려 성능이 떨어집니다(**오버피팅**). **드롭아웃**은 학습 단계마다 은닉 유닛을 확률 p로 꺼서 어떤 유닛도 특정 짝에 기댈 수 없게 만듭니다. 여기서는 같은 초기 가중치에서 출발한 같은 신경망을 정규화 없이, 그리고 정규화를 켜고 학습합니다.",
    },
    "drop.intro_more": {
        "en": "Because a different random subset of units is switched off at every step, the trained network behaves like an average of many thinned networks, and no single unit can memorise a noisy point on its own. Dropout is one regularizer among several: weight decay (L2) pulls every weight toward zero, and batch normalization rescales each layer's inputs; both are one switch away in the controls, and their effects are shown at the bottom of the page.",
        "ko": "단계마다 무작위로 다른 유닛들이 꺼지므로, 학습된 신경망은 여러 개의 얇아진 신경망을 평균 낸 것처럼 동작하고 어느 한 유닛이 잡음 점 하나를 혼자 외울 수 없습니다. 드롭아웃은 여러 정규화 방법 가운데 하나입니다. 가중치 감쇠(L2)는 모든 가중치를 0 쪽으로 당기고, 배치 정규화는 각 층의 입력 크기를 맞춰 줍니다. 두 방법 모두 컨트롤에서 스위치 하나로 켤 수 있고, 그 효과는 페이지 아래쪽에서 볼 수 있습니다.",
    },
    "drop.formula_note": {
        "en": "Inverted dropout: a unit survives with probability 1 − p and is scaled by 1/(1 − p), so its expected value is unchanged. At prediction time (eval mode) nothing is dropped and nothing is scaled.",
        "ko": "역 드롭아웃(inverted dropout): 유닛은 확률 1 − p로 살아남고 1/(1 − p)배로 커지므로 기댓값이 그대로 유지됩니다. 예측할 때(eval 모드)는 아무것도 끄지 않고 크기도 바꾸지 않습니다.",
    },
    "drop.task": {"en": "Task", "ko": "과제"},
    "drop.task_help": {
        "en": "Classification: two noisy interleaved moons (2 inputs). Regression: a wavy curve y = sin(1.5x) + 0.3x with noise (1 input); MC dropout is shown for this one.",
        "ko": "분류: 잡음이 섞여 서로 맞물린 두 개의 반달(입력 2개). 회귀: 잡음이 섞인 곡선 y = sin(1.5x) + 0.3x(입력 1개). MC 드롭아웃은 회귀에서 보여 줍니다.",
    },
    "drop.task.classification": {"en": "2-D classification: two noisy moons", "ko": "2차원 분류: 잡음 섞인 두 반달"},
    "drop.task.regression": {"en": "1-D regression: a noisy wavy curve", "ko": "1차원 회귀: 잡음 섞인 곡선"},
    "drop.n": {"en": "Training points n", "ko": "학습 데이터 개수 n"},
    "drop.n_help": {
        "en": "How many noisy points the networks learn from. Few points make overfitting easy; the 400 validation points stay the same size.",
        "ko": "신경망이 배우는 잡음 섞인 점의 개수입니다. 점이 적을수록 오버피팅하기 쉽습니다. 검증용 점 400개는 그대로입니다.",
    },
    "drop.noise": {"en": "Noise", "ko": "잡음"},
    "drop.noise_help": {
        "en": "Standard deviation of the Gaussian noise added to the points. More noise means more to memorise that does not generalise.",
        "ko": "점에 더하는 가우스 잡음의 표준편차입니다. 잡음이 클수록 외워 봐야 일반화되지 않는 부분이 많아집니다.",
    },
    "drop.hidden": {"en": "Hidden units per layer", "ko": "층당 은닉 유닛 수"},
    "drop.hidden_help": {
        "en": "Width of both hidden layers (input → hidden → hidden → output). Wider networks can fit noise more easily.",
        "ko": "두 은닉층의 폭입니다(입력 → 은닉 → 은닉 → 출력). 넓을수록 잡음까지 쉽게 맞춥니다.",
    },
    "drop.p": {"en": "Dropout rate p", "ko": "드롭아웃 비율 p"},
    "drop.p_help": {
        "en": "Probability that each hidden unit is switched off at a training step. 0 turns dropout off; 0.5 is the classic choice for hidden layers; very large p leaves too little network and underfits.",
        "ko": "학습 단계마다 각 은닉 유닛이 꺼질 확률입니다. 0이면 드롭아웃을 끕니다. 은닉층에는 0.5가 전통적인 선택이며, p가 너무 크면 남는 신경망이 너무 작아 과소적합합니다.",
    },
    "drop.epochs": {"en": "Epochs", "ko": "에포크 수"},
    "drop.epochs_help": {
        "en": "How many passes over the training points (one full-batch Adam step each). Long training is where overfitting shows.",
        "ko": "학습 데이터를 몇 번 반복해서 볼지 정합니다(에포크마다 전체 배치로 Adam 한 단계). 오래 학습할수록 오버피팅이 드러납니다.",
    },
    "drop.wd": {"en": "Weight decay λ (L2)", "ko": "가중치 감쇠 λ (L2)"},
    "drop.wd_help": {
        "en": "Passed to the optimizer as weight_decay: every step adds λ·w to the gradient, which is the same as adding (λ/2)·‖w‖² to the loss. Applies to the regularized network only.",
        "ko": "옵티마이저에 weight_decay로 넘깁니다. 매 단계 기울기에 λ·w를 더하며, 이는 손실에 (λ/2)·‖w‖²를 더하는 것과 같습니다. 정규화한 신경망에만 적용합니다.",
    },
    "drop.bn": {"en": "Batch normalization", "ko": "배치 정규화"},
    "drop.bn_help": {
        "en": "Adds BatchNorm1d after each hidden Linear layer (before ReLU) in the regularized network: activations are standardised with the batch mean and variance, then scaled by a learned γ and shifted by β.",
        "ko": "정규화한 신경망의 각 은닉 Linear 층 뒤(ReLU 앞)에 BatchNorm1d를 넣습니다. 활성값을 배치 평균과 분산으로 표준화한 뒤 학습되는 γ로 크기를 조절하고 β만큼 이동합니다.",
    },
    "drop.training": {"en": "Training both networks…", "ko": "두 신경망을 학습하는 중…"},
    "drop.part_dropout": {"en": "dropout p = {p:g}", "ko": "드롭아웃 p = {p:g}"},
    "drop.part_l2": {"en": "L2 λ = {wd:g}", "ko": "L2 λ = {wd:g}"},
    "drop.part_bn": {"en": "batch norm", "ko": "배치 정규화"},
    "drop.model_plain": {"en": "no regularization", "ko": "정규화 없음"},
    "drop.model_same": {"en": "same network (nothing switched on)", "ko": "같은 신경망 (아무것도 켜지 않음)"},
    "drop.short_plain": {"en": "plain", "ko": "정규화 없음"},
    "drop.short_reg": {"en": "regularized", "ko": "정규화 적용"},
    "drop.stopped": {
        "en": "**Training stopped at epoch {epoch}**: the loss became infinite or NaN. The charts show the epochs before it stopped; try fewer hidden units or a smaller weight decay.",
        "ko": "**{epoch}번째 에포크에서 학습을 멈췄습니다.** 손실이 무한대 또는 NaN이 되었습니다. 차트에는 멈추기 전까지의 에포크가 나옵니다. 은닉 유닛 수나 가중치 감쇠를 줄여 보세요.",
    },
    "drop.verdict_same": {
        "en": "Dropout p = 0, weight decay 0 and no batch norm: the two networks are identical, so their curves coincide. Raise p, λ or switch on batch norm.",
        "ko": "드롭아웃 p = 0, 가중치 감쇠 0, 배치 정규화 없음: 두 신경망이 똑같아서 곡선이 겹칩니다. p나 λ를 올리거나 배치 정규화를 켜 보세요.",
    },
    "drop.verdict_helps": {
        "en": "**Overfitting, and regularization helps.** Without regularization the validation loss bottomed out at {best:num} (epoch {e}) and then rose to {final:num} while the training loss kept falling: the network memorised the noise. With {reg} the validation loss ends at {reg_final:num}, {pct:.0f}% lower.",
        "ko": "**오버피팅이 일어났고, 정규화가 효과를 냈습니다.** 정규화 없이 학습한 신경망은 검증 손실이 {e}번째 에포크에서 {best:num}{으로} 가장 낮았다가, 학습 손실이 계속 줄어드는 동안 {final:num}까지 올라갔습니다. 잡음까지 외워 버린 것입니다. {reg}{을} 적용한 신경망은 검증 손실이 {reg_final:num}{으로} 끝나 {pct:.0f}% 낮습니다.",
    },
    "drop.verdict_hurts": {
        "en": "**Overfitting, but this regularization does not end lower.** Without regularization the validation loss bottomed out at {best:num} (epoch {e}) and rose to {final:num}; with {reg} it ends at {reg_final:num}. Too strong a setting underfits (both losses stay high): try a smaller p or λ.",
        "ko": "**오버피팅은 일어났지만 이 정규화로는 더 낮아지지 않았습니다.** 정규화 없이 학습한 신경망은 검증 손실이 {e}번째 에포크에서 {best:num}{으로} 가장 낮았다가 {final:num}까지 올라갔고, {reg}{을} 적용한 신경망은 {reg_final:num}{으로} 끝났습니다. 너무 강한 정규화는 과소적합을 부릅니다(두 손실이 모두 높게 머묾). p나 λ를 줄여 보세요.",
    },
    "drop.verdict_no_overfit": {
        "en": "**Little overfitting here.** Without regularization the validation loss ends at {final:num}, close to its minimum {best:num} (epoch {e}); with {reg} it ends at {reg_final:num}. Fewer points, more noise, a wider network or more epochs make overfitting appear.",
        "ko": "**여기서는 오버피팅이 거의 없습니다.** 정규화 없이 학습한 신경망의 검증 손실은 {final:num}{으로} 끝나 최솟값 {best:num}({e}번째 에포크)에 가깝고, {reg}{을} 적용한 신경망은 {reg_final:num}{으로} 끝났습니다. 점을 줄이거나, 잡음을 키우거나, 신경망을 넓히거나, 더 오래 학습하면 오버피팅이 나타납니다.",
    },
    "drop.metric_val": {"en": "Final validation loss ({model})", "ko": "최종 검증 손실 ({model})"},
    "drop.metric_val_help": {
        "en": "Loss on the 400 validation points after the last epoch, in eval mode (dropout off).",
        "ko": "마지막 에포크 뒤 검증용 점 400개에 대한 손실입니다(eval 모드, 드롭아웃 꺼짐).",
    },
    "drop.metric_best": {"en": "Best epoch ({model})", "ko": "최적 에포크 ({model})"},
    "drop.metric_best_help": {
        "en": "Epoch with the lowest validation loss: early stopping would keep the weights from this epoch (the stars on the loss chart).",
        "ko": "검증 손실이 가장 낮았던 에포크입니다. 조기 종료(early stopping)를 쓰면 이 에포크의 가중치를 남깁니다(손실 차트의 별표).",
    },
    "drop.loss_title": {
        "en": "Training (dashed) and validation (solid) loss: the shaded gap is overfitting",
        "ko": "학습 손실(점선)과 검증 손실(실선): 색칠한 간격이 오버피팅입니다",
    },
    "drop.compare_caption": {
        "en": "Same data, same initial weights, same optimizer; only the regularization differs. Both losses are measured in eval mode (dropout off), so the gap is the true generalization gap. Stars mark the epoch of best validation loss (early stopping).",
        "ko": "데이터, 초기 가중치, 옵티마이저가 모두 같고 정규화만 다릅니다. 두 손실 모두 eval 모드(드롭아웃 꺼짐)에서 재므로, 간격이 곧 실제 일반화 격차입니다. 별표는 검증 손실이 가장 낮은 에포크(조기 종료 지점)입니다.",
    },
    "drop.trace_class0": {"en": "class 0 (training)", "ko": "클래스 0 (학습)"},
    "drop.trace_class1": {"en": "class 1 (training)", "ko": "클래스 1 (학습)"},
    "drop.trace_truth": {"en": "true curve (no noise)", "ko": "실제 곡선 (잡음 없음)"},
    "drop.trace_train_pts": {"en": "training points", "ko": "학습 데이터"},
    "drop.trace_train_loss": {"en": "training · {model}", "ko": "학습 · {model}"},
    "drop.trace_val_loss": {"en": "validation · {model}", "ko": "검증 · {model}"},
    "drop.trace_best": {"en": "best validation · {model}", "ko": "최저 검증 손실 · {model}"},
    "drop.best_label": {"en": "best: {epoch}", "ko": "최적: {epoch}"},
    "drop.trace_fit": {"en": "fit · {model}", "ko": "예측 곡선 · {model}"},
    "drop.trace_now": {"en": "shown epoch", "ko": "보고 있는 에포크"},
    "drop.axis_epoch": {"en": "epoch", "ko": "에포크"},
    "drop.axis_loss_classification": {"en": "cross-entropy loss", "ko": "교차 엔트로피 손실"},
    "drop.axis_loss_regression": {"en": "mean squared error", "ko": "평균 제곱 오차"},
    "drop.anim_epoch": {"en": "epoch ", "ko": "에포크 "},
    "drop.net_heading": {"en": "What dropout does at one training step", "ko": "드롭아웃이 학습 한 단계에서 하는 일"},
    "drop.net_text": {
        "en": "Left: the regularized network in **train mode** at the chosen epoch, with the units its mask dropped for the first training point greyed out (a fresh mask is drawn at every step; press ▶ to watch them change). Right: the same network in **eval mode**, where every unit is on and nothing is rescaled.",
        "ko": "왼쪽: 선택한 에포크에서 **학습 모드**(train)인 정규화 신경망입니다. 첫 번째 학습 데이터에 대해 마스크가 끈 유닛은 회색으로 표시합니다(마스크는 단계마다 새로 뽑습니다. ▶를 눌러 바뀌는 모습을 보세요). 오른쪽: 같은 신경망의 **평가 모드**(eval)로, 모든 유닛이 켜져 있고 크기 조정도 없습니다.",
    },
    "drop.trace_unit_on": {"en": "active unit", "ko": "켜진 유닛"},
    "drop.trace_unit_off": {"en": "dropped unit", "ko": "꺼진 유닛"},
    "drop.net_train": {"en": "train mode: dropout p = {p:g}", "ko": "학습 모드: 드롭아웃 p = {p:g}"},
    "drop.net_eval": {"en": "eval mode: all units on", "ko": "평가 모드: 모든 유닛 켜짐"},
    "drop.net_input": {"en": "input", "ko": "입력"},
    "drop.net_h1": {"en": "hidden 1", "ko": "은닉층 1"},
    "drop.net_h2": {"en": "hidden 2", "ko": "은닉층 2"},
    "drop.net_out": {"en": "output", "ko": "출력"},
    "drop.net_subset": {
        "en": "showing {shown} of the {hidden} units in each hidden layer",
        "ko": "각 은닉층의 유닛 {hidden}개 중 {shown}개만 표시",
    },
    "drop.mean_title": {
        "en": "Inverted dropout keeps the mean: first hidden layer, p = {p:g}",
        "ko": "역 드롭아웃은 평균을 유지합니다: 첫 번째 은닉층, p = {p:g}",
    },
    "drop.trace_h_eval": {"en": "h: eval mode (no dropout)", "ko": "h: 평가 모드 (드롭아웃 없음)"},
    "drop.trace_h_train": {"en": "m ⊙ h / (1 − p): train mode", "ko": "m ⊙ h / (1 − p): 학습 모드"},
    "drop.trace_mean_eval": {"en": "mean of h = {mean:num}", "ko": "h의 평균 = {mean:num}"},
    "drop.trace_mean_train": {"en": "mean with dropout = {mean:num}", "ko": "드롭아웃 적용 후 평균 = {mean:num}"},
    "drop.trace_mean_unscaled": {
        "en": "mean without 1/(1 − p) = {mean:num}",
        "ko": "1/(1 − p) 없이 구한 평균 = {mean:num}",
    },
    "drop.axis_activation": {"en": "activation value", "ko": "활성값"},
    "drop.axis_count_log": {"en": "count (log scale)", "ko": "개수 (로그 눈금)"},
    "drop.axis_count": {"en": "count", "ko": "개수"},
    "drop.mean_text": {
        "en": "One mask drawn over all validation activations of the first hidden layer: **{rate:num}** of the units were dropped (p = {p:g}). The mean activation is **{h:num}** without dropout and **{ht:num}** with inverted dropout: the same up to sampling noise. Without the 1/(1 − p) scaling it would be {hu:num} ≈ {keep:.2f} × {h:num}, and the next layer would see inputs that are systematically smaller in training than at prediction time.",
        "ko": "첫 번째 은닉층의 검증 데이터 활성값 전체에 마스크를 한 번 뽑았습니다. 유닛의 **{rate:num}{이}** 꺼졌습니다(p = {p:g}). 평균 활성값은 드롭아웃 없이 **{h:num}**, 역 드롭아웃을 적용하면 **{ht:num}{으로}** 표본 잡음 범위에서 같습니다. 1/(1 − p)로 키우지 않았다면 {hu:num} ≈ {keep:.2f} × {h:num}{이} 되어, 다음 층은 학습 때 예측 때보다 늘 작은 입력을 받게 됩니다.",
    },
    "drop.mc_heading": {
        "en": "Monte Carlo dropout: uncertainty from keeping dropout on",
        "ko": "몬테카를로 드롭아웃: 드롭아웃을 켠 채로 예측해 얻는 불확실성",
    },
    "drop.mc_text": {
        "en": "Keep dropout switched on at prediction time and run the trained regularized network K times: each pass uses a different thinned network. Their mean is the prediction and their spread is an uncertainty estimate: how much the thinned networks disagree at each x. The shaded strip is the range of the training inputs.",
        "ko": "예측할 때도 드롭아웃을 켜 둔 채 학습된 정규화 신경망을 K번 실행합니다. 매번 다르게 얇아진 신경망이 쓰입니다. 그 평균이 예측값이고, 퍼진 정도는 각 x에서 얇아진 신경망들이 얼마나 서로 다른 답을 내는지를 나타내는 불확실성 추정치입니다. 색칠한 띠는 학습 입력이 있는 범위입니다.",
    },
    "drop.mc_needs_regression": {
        "en": "MC dropout is shown on the 1-D regression task, where a band around a curve is easy to read. Switch Task to regression (or use the last Try-this experiment).",
        "ko": "MC 드롭아웃은 곡선 주위의 띠로 읽기 쉬운 1차원 회귀 과제에서 보여 줍니다. 과제를 회귀로 바꾸거나, 이렇게 해 보세요의 마지막 실험을 적용하세요.",
    },
    "drop.mc_zero": {
        "en": "p = 0: no unit is ever dropped, so all K passes are identical and the band has zero width. Raise p to see the uncertainty.",
        "ko": "p = 0: 꺼지는 유닛이 없으니 K번의 예측이 모두 같아 띠의 폭이 0입니다. p를 올려 불확실성을 확인해 보세요.",
    },
    "drop.mc_wider": {
        "en": "Average band half-width (2σ): {inside:num} inside the training range, {edge:num} at the far ends of the plot. The thinned networks disagree more where there was no data to pin them down.",
        "ko": "띠의 평균 반폭(2σ): 학습 범위 안에서 {inside:num}, 그래프 양 끝에서 {edge:num}입니다. 붙잡아 줄 데이터가 없는 곳에서 얇아진 신경망들의 답이 더 많이 갈립니다.",
    },
    "drop.mc_not_wider": {
        "en": "Average band half-width (2σ): {inside:num} inside the training range, {edge:num} at the far ends of the plot: here the band is not wider away from the data. MC dropout is a cheap, rough estimate: ReLU networks extrapolate almost linearly and the thinned networks can happen to agree there. Try another seed, or a larger p.",
        "ko": "띠의 평균 반폭(2σ): 학습 범위 안에서 {inside:num}, 그래프 양 끝에서 {edge:num}{으로}, 여기서는 데이터 바깥의 띠가 더 넓지 않습니다. MC 드롭아웃은 값싸고 거친 추정입니다. ReLU 신경망은 바깥으로 거의 직선처럼 뻗어 나가서 얇아진 신경망들이 우연히 비슷한 답을 낼 수 있습니다. 다른 시드나 더 큰 p를 시도해 보세요.",
    },
    "drop.mc_title": {
        "en": "MC dropout: mean and ±2σ band of K = {k} passes with dropout on",
        "ko": "MC 드롭아웃: 드롭아웃을 켠 K = {k}번 예측의 평균과 ±2σ 띠",
    },
    "drop.trace_band": {"en": "mean ± 2σ of {k} passes", "ko": "{k}번 예측의 평균 ± 2σ"},
    "drop.trace_pass": {"en": "single passes (dropout on)", "ko": "한 번씩의 예측 (드롭아웃 켬)"},
    "drop.trace_mc_mean": {"en": "MC mean", "ko": "MC 평균"},
    "drop.trace_eval_pred": {"en": "eval-mode prediction (dropout off)", "ko": "평가 모드 예측 (드롭아웃 끔)"},
    "drop.others_heading": {"en": "Weight decay and batch normalization", "ko": "가중치 감쇠와 배치 정규화"},
    "drop.others_text": {
        "en": "The other regularizers of chapter 14 act on the same task. **Weight decay** pulls every weight toward zero at each step, so the network cannot build the large weights that sharp, noise-chasing boundaries need. **Batch normalization** standardises each hidden layer's pre-activations, which keeps their scale steady while the weights change.",
        "ko": "14장의 다른 정규화 기법도 같은 과제에 적용해 봅니다. **가중치 감쇠**는 매 단계 모든 가중치를 0 쪽으로 끌어당겨, 잡음을 쫓는 날카로운 경계에 필요한 큰 가중치를 만들지 못하게 합니다. **배치 정규화**는 각 은닉층의 활성화 전 값을 표준화해, 가중치가 바뀌는 동안에도 값의 크기를 일정하게 유지합니다.",
    },
    "drop.weight_title": {"en": "Size of the weights ‖W‖ per epoch", "ko": "에포크별 가중치 크기 ‖W‖"},
    "drop.axis_weight_norm": {"en": "‖W‖ (all weight matrices)", "ko": "‖W‖ (모든 가중치 행렬)"},
    "drop.weight_caption": {
        "en": "After training: ‖W‖ = {plain:.2f} without regularization, {reg:.2f} with it. Weight decay (λ > 0) shrinks the weights directly at every step; dropout keeps them smaller only indirectly.",
        "ko": "학습 후 ‖W‖는 정규화 없이 {plain:.2f}, 정규화를 적용하면 {reg:.2f}입니다. 가중치 감쇠(λ > 0)는 매 단계 가중치를 직접 줄이고, 드롭아웃은 간접적으로만 작게 유지합니다.",
    },
    "drop.bn_off": {
        "en": "Switch on **Batch normalization** above to see each hidden layer's activation distribution before and after BatchNorm.",
        "ko": "위의 **배치 정규화**를 켜면 각 은닉층의 활성값 분포를 BatchNorm 전과 후로 나눠 볼 수 있습니다.",
    },
    "drop.bn_layer": {"en": "hidden layer {i}", "ko": "은닉층 {i}"},
    "drop.trace_bn_before": {
        "en": "layer {i} before BN: mean {mean:.2f}, std {std:.2f}",
        "ko": "{i}층 BN 전: 평균 {mean:.2f}, 표준편차 {std:.2f}",
    },
    "drop.trace_bn_after": {
        "en": "layer {i} after BN: mean {mean:.2f}, std {std:.2f}",
        "ko": "{i}층 BN 후: 평균 {mean:.2f}, 표준편차 {std:.2f}",
    },
    "drop.bn_caption": {
        "en": "Validation inputs through the trained network in eval mode, all units pooled. Before BN: the raw Linear outputs z. After BN: γ·(z − μ)/σ + β with the running mean μ and variance σ² collected during training, so every layer hands a similarly scaled input to its ReLU.",
        "ko": "검증 데이터를 학습된 신경망에 eval 모드로 통과시키고 모든 유닛을 모았습니다. BN 전: Linear 층의 출력 z 그대로. BN 후: 학습 중 모은 이동 평균 μ와 분산 σ²로 계산한 γ·(z − μ)/σ + β이므로, 각 층이 ReLU에 비슷한 크기의 입력을 넘깁니다.",
    },
    "drop.try.overfit.name": {"en": "Overfitting vs dropout", "ko": "오버피팅과 드롭아웃"},
    "drop.try.overfit.what": {
        "en": "40 noisy moons, 128 units (twice the default width), p = 0.5. The plain network drives its training loss to almost zero: its boundary wraps around single noisy points and its validation loss climbs far above its star. The dropout network's boundary stays smoother and its validation loss ends much lower.",
        "ko": "잡음 섞인 반달 40개, 유닛 128개(기본값의 두 배 폭), p = 0.5. 정규화 없는 신경망은 학습 손실을 거의 0까지 낮추면서 잡음 점 하나하나를 감싸는 경계를 만들고, 검증 손실은 별표보다 훨씬 높이 올라갑니다. 드롭아웃 신경망은 경계가 더 매끄럽고 검증 손실도 훨씬 낮게 끝납니다.",
    },
    "drop.try.strong.name": {"en": "Too much dropout", "ko": "지나친 드롭아웃"},
    "drop.try.strong.what": {
        "en": "16 units and p = 0.85: only two or three units per layer survive each step. Training and validation loss both stay high and the boundary is blurry: underfitting, the opposite failure. At this width the plain network does better.",
        "ko": "유닛 16개에 p = 0.85: 단계마다 층당 두세 개의 유닛만 살아남습니다. 학습 손실과 검증 손실이 모두 높게 머물고 경계가 흐릿합니다. 반대쪽 실패인 과소적합입니다. 이 폭에서는 정규화 없는 신경망이 더 낫습니다.",
    },
    "drop.try.more_data.name": {"en": "More data", "ko": "데이터 늘리기"},
    "drop.try.more_data.what": {
        "en": "n = 200: with five times more points the plain network has much less room to memorise noise, and the gap between the two networks shrinks.",
        "ko": "n = 200: 점이 다섯 배로 늘면 정규화 없는 신경망도 잡음을 외울 여지가 크게 줄어, 두 신경망의 차이가 작아집니다.",
    },
    "drop.try.weight_decay.name": {"en": "Weight decay alone", "ko": "가중치 감쇠만"},
    "drop.try.weight_decay.what": {
        "en": "p = 0, λ = 0.03: no dropout, only the L2 pull toward zero. Watch ‖W‖ stay small and the boundary stay simple.",
        "ko": "p = 0, λ = 0.03: 드롭아웃 없이 0으로 당기는 L2만 씁니다. ‖W‖가 작게 유지되고 경계가 단순하게 남는 것을 보세요.",
    },
    "drop.try.batchnorm.name": {"en": "Batch norm alone", "ko": "배치 정규화만"},
    "drop.try.batchnorm.what": {
        "en": "p = 0 with BatchNorm: compare each layer's distribution before and after BN. Trained on one full batch, BN sees the same batch statistics at every step and adds no noise, so here it does not regularize: its validation loss climbs like the plain network's.",
        "ko": "p = 0에 배치 정규화만 켭니다. 각 층의 분포를 BN 전과 후로 비교해 보세요. 전체 배치 하나로 학습하면 BN은 매 단계 같은 배치 통계를 보므로 잡음을 더하지 않습니다. 그래서 여기서는 정규화 효과가 없고, 검증 손실이 정규화 없는 신경망처럼 올라갑니다.",
    },
    "drop.try.mc.name": {"en": "MC dropout on a curve", "ko": "곡선 위의 MC 드롭아웃"},
    "drop.try.mc.what": {
        "en": "Regression, 20 points, p = 0.2: 100 passes with dropout on give a mean curve and a band. Compare the band inside the shaded training range with the ends of the plot, then change the seed: how much does this uncertainty estimate move?",
        "ko": "회귀, 점 20개, p = 0.2: 드롭아웃을 켠 100번의 예측이 평균 곡선과 띠를 만듭니다. 색칠한 학습 범위 안과 그래프 양 끝의 띠 폭을 비교한 다음 시드를 바꿔 보세요. 이 불확실성 추정이 얼마나 달라지나요?",
    },
}
