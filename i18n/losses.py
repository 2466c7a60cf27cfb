"""Text of the loss-functions page (chapter 5)."""

TEXT = {
    "loss.intro": {
        "en": "A loss turns every error into one number to make small. **Which** number decides what the model "
        "cares about: squaring makes one big miss count more than many small ones, the absolute value treats "
        "every unit of error alike. Drag the outlier and watch each line answer.",
        "ko": "손실 함수는 모든 오차를 줄여야 할 숫자 하나로 바꿉니다. **어떤** 숫자를 쓰느냐가 모델이 무엇을 "
        "중요하게 여길지 정합니다. 제곱은 큰 오차 하나를 작은 오차 여럿보다 무겁게 치고, 절댓값은 오차 한 "
        "단위를 모두 똑같이 칩니다. 이상치를 움직이며 세 직선이 어떻게 반응하는지 보세요.",
    },
    "loss.formula_note": {
        "en": "r = ŷ − y is the residual; MSE and MAE average r² and |r|; Huber is r²/2 up to δ and linear beyond.",
        "ko": "r = ŷ − y는 잔차입니다. MSE와 MAE는 r²과 |r|의 평균이고, Huber는 δ까지 r²/2, 그 너머는 직선입니다.",
    },
    "loss.intro_more": {
        "en": "The gradient tells the story. MSE's derivative 2r grows with the error, so the outlier pulls the "
        "least-squares line as hard as it is far away. MAE's derivative is ±1: the outlier pulls no harder than "
        "any other point, and the best line is a median line that passes through two of the points. Huber "
        "clips the pull at δ: a squared loss for ordinary errors, an absolute one for wild ones.\n\n"
        "For classification the model outputs a probability p of the true class and the loss is −log p: "
        "binary cross-entropy (BCE) with y = 1 and cross-entropy (CE) of the true class are the same curve. "
        "Its gradient with respect to the logit z is σ(z) − y, which stays large while the model is confidently "
        "wrong; MSE on a sigmoid multiplies by σ′(z) and goes silent exactly there. That is also why torch has "
        "`BCEWithLogitsLoss`: it works with z directly (log-sum-exp) and never forms log 0.",
        "ko": "기울기를 보면 이유가 보입니다. MSE의 도함수 2r은 오차에 비례해 커지므로, 이상치는 멀리 있을수록 "
        "최소제곱 직선을 세게 끌어당깁니다. MAE의 도함수는 ±1이라 이상치도 다른 점보다 세게 당기지 못하고, "
        "가장 좋은 직선은 두 점을 지나는 중앙값 직선이 됩니다. Huber는 당기는 힘을 δ에서 자릅니다. 보통 "
        "오차에는 제곱 손실, 엉뚱한 오차에는 절댓값 손실입니다.\n\n"
        "분류에서는 모델이 정답 클래스의 확률 p를 내고 손실은 −log p입니다. y = 1일 때의 이진 교차 "
        "엔트로피(BCE)와 정답 클래스의 교차 엔트로피(CE)는 같은 곡선입니다. 로짓 z에 대한 기울기는 "
        "σ(z) − y라서 모델이 자신 있게 틀리는 동안 크게 남습니다. 시그모이드 위의 MSE는 σ′(z)를 곱하므로 "
        "바로 그곳에서 기울기가 사라집니다. torch에 `BCEWithLogitsLoss`가 있는 이유도 같습니다. z를 "
        "그대로 다루어(log-sum-exp) log 0을 만들지 않습니다.",
    },
    "loss.outlier": {"en": "Outlier height above the trend", "ko": "추세선 위 이상치 높이"},
    "loss.outlier_help": {
        "en": "How far the red point sits above (+) or below (−) the trend the other points follow. The "
        "animation moves it there from the trend.",
        "ko": "빨간 점이 다른 점들의 추세보다 얼마나 위(+) 또는 아래(−)에 있는지입니다. 애니메이션은 이 점을 "
        "추세선에서 이 위치까지 옮깁니다.",
    },
    "loss.outlier_x": {"en": "Outlier position x", "ko": "이상치의 x 위치"},
    "loss.outlier_x_help": {
        "en": "Where along x the outlier sits: at the ends it has the most leverage on the slope.",
        "ko": "이상치가 x축 어디에 있는지입니다. 양 끝에 있을수록 기울기에 미치는 영향이 큽니다.",
    },
    "loss.delta": {"en": "Huber δ", "ko": "Huber의 δ"},
    "loss.delta_help": {
        "en": "Residuals smaller than δ are squared, larger ones count linearly.",
        "ko": "δ보다 작은 잔차는 제곱으로, 큰 잔차는 직선으로 셉니다.",
    },
    "loss.temperature": {"en": "Softmax temperature T", "ko": "소프트맥스 온도 T"},
    "loss.temperature_help": {
        "en": "softmax(z / T): small T sharpens toward the largest logit, large T flattens toward uniform.",
        "ko": "softmax(z / T): T가 작으면 가장 큰 로짓 쪽으로 뾰족해지고, 크면 균등 분포로 평평해집니다.",
    },
    "loss.dtype": {"en": "Float type for the overflow test", "ko": "오버플로 실험의 실수 형식"},
    "loss.dtype_help": {
        "en": "float32 (torch's default) breaks at smaller logits than float64.",
        "ko": "float32(torch 기본값)는 float64보다 작은 로짓에서 깨집니다.",
    },
    "loss.dtype.float32": {"en": "float32 (single)", "ko": "float32 (단정밀도)"},
    "loss.dtype.float64": {"en": "float64 (double)", "ko": "float64 (배정밀도)"},
    "loss.name.mse": {"en": "MSE (squared)", "ko": "MSE (제곱)"},
    "loss.name.mae": {"en": "MAE (absolute)", "ko": "MAE (절댓값)"},
    "loss.name.huber": {"en": "Huber", "ko": "Huber 손실"},
    "loss.trace_clean": {"en": "fit with the outlier on the trend", "ko": "이상치가 추세선 위에 있을 때의 직선"},
    "loss.trace_points": {"en": "data", "ko": "데이터"},
    "loss.trace_outlier": {"en": "outlier", "ko": "이상치"},
    "loss.outlier_prefix": {"en": "outlier height ", "ko": "이상치 높이 "},
    "loss.fits_caption": {
        "en": "Each panel fits y = wx + b by minimising its own loss over all 15 points; thin red lines are the "
        "residuals, the grey dashed line is the same loss while the outlier still sat on the trend (the first frame).",
        "ko": "각 그림은 15개 점 모두에 대해 자기 손실을 최소로 하는 y = wx + b를 맞춥니다. 가는 빨간 선은 "
        "잔차, 회색 점선은 이상치가 아직 추세선 위에 있을 때(첫 프레임) 같은 손실의 직선입니다.",
    },
    "loss.metric_slope": {"en": "{name} slope w", "ko": "{name} 기울기 w"},
    "loss.metric_slope_help": {
        "en": "The slope with the outlier in place; the change is against the first frame, with the outlier on the trend.",
        "ko": "이상치가 제자리에 있을 때의 기울기입니다. 변화량은 이상치가 추세선 위에 있던 첫 프레임과 비교한 값입니다.",
    },
    "loss.moved": {
        "en": "Moving the outlier off the trend turned the MSE slope by {mse:num}, the Huber slope by {huber:num} and the MAE slope "
        "by {mae:num}.",
        "ko": "이상치를 추세선에서 떼어 내자 MSE 기울기는 {mse:num}, Huber 기울기는 {huber:num}, MAE 기울기는 {mae:num}만큼 "
        "바뀌었습니다.",
    },
    "loss.curves_heading": {"en": "What each loss charges for a residual", "ko": "잔차 하나에 매기는 손실"},
    "loss.curve_title": {"en": "loss ℓ(r)", "ko": "손실 ℓ(r)"},
    "loss.grad_title": {"en": "its derivative dℓ/dr: the pull on the line", "ko": "도함수 dℓ/dr: 직선을 당기는 힘"},
    "loss.axis_residual": {"en": "residual r = ŷ − y", "ko": "잔차 r = ŷ − y"},
    "loss.curves_caption": {
        "en": "torch's conventions: F.mse_loss is r², F.l1_loss is |r|, F.huber_loss is r²/2 inside ±δ and "
        "δ(|r| − δ/2) outside. The derivatives come from autograd: 2r, sign r, and r clipped to ±δ.",
        "ko": "torch의 정의를 따릅니다. F.mse_loss는 r², F.l1_loss는 |r|, F.huber_loss는 ±δ 안에서 r²/2, "
        "밖에서 δ(|r| − δ/2)입니다. 도함수는 autograd로 구했습니다: 2r, sign r, ±δ에서 잘린 r.",
    },
    "loss.class_heading": {"en": "Classification losses", "ko": "분류 손실"},
    "loss.ce_title": {"en": "loss vs p(true class)", "ko": "정답 클래스 확률 p에 따른 손실"},
    "loss.sat_title": {"en": "gradient wrt the logit, y = 1", "ko": "로짓에 대한 기울기 (y = 1)"},
    "loss.softmax_title": {"en": "softmax(z / T), T = {T:num}", "ko": "온도 T = {T:num}의 softmax(z / T)"},
    "loss.naive_title": {"en": "BCE for y = 1 on large logits ({dtype})", "ko": "큰 로짓에서의 BCE, y = 1 ({dtype})"},
    "loss.trace_ce": {"en": "BCE / CE: −log p", "ko": "BCE / CE 손실: −log p"},
    "loss.trace_mse_p": {"en": "MSE: (1 − p)²", "ko": "MSE 손실: (1 − p)²"},
    "loss.trace_grad_bce": {"en": "BCE: σ(z) − 1", "ko": "BCE 기울기: σ(z) − 1"},
    "loss.trace_grad_mse": {"en": "MSE on σ(z): saturates", "ko": "σ(z)의 MSE: 포화"},
    "loss.trace_naive": {"en": "naive formula", "ko": "식 그대로 계산"},
    "loss.trace_inf": {"en": "naive = inf", "ko": "단순 공식 = inf"},
    "loss.trace_nan": {"en": "naive = nan", "ko": "단순 공식 = nan"},
    "loss.class_label": {"en": "class {k}", "ko": "클래스 {k}"},
    "loss.axis_p": {"en": "p(true class)", "ko": "정답 클래스의 확률 p"},
    "loss.axis_loss": {"en": "loss", "ko": "손실"},
    "loss.axis_z": {"en": "logit z", "ko": "로짓 z"},
    "loss.axis_prob": {"en": "probability", "ko": "확률"},
    "loss.class_caption": {
        "en": "Top left: BCE with y = 1 and CE of the true class are both −log p; near p = 0 it grows without "
        "bound, MSE stays below 1. Top right: at z = −8 the model is sure and wrong, yet MSE on a sigmoid "
        "barely moves it. Bottom left: class 0 is the true class (outlines: T = 1); CE of class 0 at this T is "
        "{ce:num}. Bottom right: −[y log σ(z) + (1 − y) log(1 − σ(z))] computed as written.",
        "ko": "왼쪽 위: y = 1인 BCE와 정답 클래스의 CE는 모두 −log p입니다. p = 0 근처에서 끝없이 커지고, "
        "MSE는 1을 넘지 않습니다. 오른쪽 위: z = −8이면 모델은 확신하며 틀렸는데도 시그모이드 위의 MSE는 "
        "거의 움직이지 않습니다. 왼쪽 아래: 클래스 0이 정답입니다(테두리: T = 1). 이 T에서 클래스 0의 CE는 "
        "{ce:num}입니다. 오른쪽 아래: −[y log σ(z) + (1 − y) log(1 − σ(z))]를 식 그대로 계산했습니다.",
    },
    "loss.naive_heading": {
        "en": "Naive log(sigmoid) against BCEWithLogitsLoss",
        "ko": "단순한 log(sigmoid)와 BCEWithLogitsLoss",
    },
    "loss.naive_breaks": {
        "en": "In {dtype}, the naive formula gives nan from z = {nan:num} (1 − σ(z) rounds to 0, and 0 · log 0 is "
        "nan) and inf at z = {inf:num} and below (σ(z) rounds to 0). BCEWithLogitsLoss stays finite everywhere.",
        "ko": "{dtype}에서 단순 공식은 z = {nan:num}부터 nan이 되고(1 − σ(z)가 0으로 반올림되어 0 · log 0 = nan), "
        "z = {inf:num} 이하에서는 inf가 됩니다(σ(z)가 0으로 반올림). BCEWithLogitsLoss는 어디서나 유한합니다.",
    },
    "loss.naive_breaks_nan": {
        "en": "In {dtype}, the naive formula gives nan from z = {nan:num} (1 − σ(z) rounds to 0, and 0 · log 0 is "
        "nan). BCEWithLogitsLoss stays finite everywhere.",
        "ko": "{dtype}에서 단순 공식은 z = {nan:num}부터 nan이 됩니다(1 − σ(z)가 0으로 반올림되어 "
        "0 · log 0 = nan). BCEWithLogitsLoss는 어디서나 유한합니다.",
    },
    "loss.col_naive": {"en": "naive loss", "ko": "단순 공식 손실"},
    "loss.col_naive_grad": {"en": "naive dL/dz", "ko": "단순 공식 dL/dz"},
    "loss.col_stable": {"en": "stable: BCEWithLogitsLoss", "ko": "안정한 식: BCEWithLogitsLoss"},
    "loss.col_stable_grad": {"en": "its dL/dz", "ko": "그 dL/dz"},
    "loss.try.far.name": {"en": "Pull the outlier far away", "ko": "이상치를 멀리 당기기"},
    "loss.try.far.what": {
        "en": "Height 12: press ▶ and watch the MSE line swing with every step while the MAE line does not move "
        "once the outlier is above it.",
        "ko": "높이 12: ▶를 누르면 MSE 직선은 매 단계 돌아가지만, MAE 직선은 이상치가 직선 위로 올라간 뒤로 "
        "움직이지 않습니다.",
    },
    "loss.try.small_delta.name": {"en": "Huber with a small δ", "ko": "작은 δ의 Huber"},
    "loss.try.small_delta.what": {
        "en": "δ = 0.2: almost every residual is in the linear part, and the Huber line lands near the MAE line.",
        "ko": "δ = 0.2: 거의 모든 잔차가 직선 구간에 있어 Huber 직선이 MAE 직선 가까이 갑니다.",
    },
    "loss.try.big_delta.name": {"en": "Huber with a large δ", "ko": "큰 δ의 Huber"},
    "loss.try.big_delta.what": {
        "en": "δ = 5 and a mild outlier (+3): every residual is inside ±δ, so Huber is MSE/2 and draws the same line.",
        "ko": "δ = 5, 약한 이상치(+3): 모든 잔차가 ±δ 안에 있어 Huber는 MSE/2가 되고 같은 직선을 긋습니다.",
    },
    "loss.try.cold.name": {"en": "Cold softmax", "ko": "차가운 소프트맥스"},
    "loss.try.cold.what": {
        "en": "T = 0.2: the softmax is nearly one-hot on the largest logit, and the CE of the true class drops near 0.",
        "ko": "T = 0.2: 소프트맥스가 가장 큰 로짓에 거의 원-핫으로 몰리고, 정답 클래스의 CE는 0 가까이 떨어집니다.",
    },
    "loss.try.hot.name": {"en": "Hot softmax, float64", "ko": "뜨거운 소프트맥스, float64"},
    "loss.try.hot.what": {
        "en": "T = 5 flattens the softmax toward 1/4 each; float64 moves the naive formula's nan from z = 17 out "
        "to z = 37.",
        "ko": "T = 5는 소프트맥스를 각각 1/4 가까이 평평하게 합니다. float64에서는 단순 공식의 nan이 "
        "z = 17에서 z = 37까지 밀려납니다.",
    },
}
