"""Text of the linear-regression page (chapter 7)."""

TEXT = {
    "lin.intro": {
        "en": "Linear regression draws the line ŷ = wx + b that makes the mean squared error smallest. Gradient "
        "descent does not know where that line is: epoch after epoch it only follows the slope of the loss. How "
        "fast it gets there depends on the shape of the loss bowl, and scaling the features is what makes it round.",
        "ko": "선형 회귀는 평균 제곱 오차가 가장 작은 직선 ŷ = wx + b를 긋습니다. 경사하강법은 그 직선이 어디 "
        "있는지 모른 채 에포크마다 손실의 기울기만 따라갑니다. 얼마나 빨리 도착하는지는 손실 그릇의 모양에 "
        "달려 있고, 특성 스케일링이 그 그릇을 둥글게 만듭니다.",
    },
    "lin.formula_note": {
        "en": "Each epoch is one full-batch step of torch.optim.SGD on nn.MSELoss; the squares' mean area is L.",
        "ko": "한 에포크는 nn.MSELoss에 대한 torch.optim.SGD의 전체 배치 한 단계입니다. 정사각형 넓이의 평균이 L입니다.",
    },
    "lin.intro_more": {
        "en": "The MSE is a quadratic bowl in (w, b). Its curvature along each direction is an eigenvalue λ of the "
        "Hessian 2AᵀA/N (A: the inputs with a column of ones). A step of size η shrinks the error along "
        "direction i by the factor |1 − ηλᵢ|, so η must stay below 2/λ_max or the steep direction blows up, "
        "while the flat direction shrinks only by 1 − ηλ_min per epoch. At the best fixed step η = 1/λ_max "
        "that is 1 − 1/κ, with κ = λ_max/λ_min the condition number: the epochs needed grow in proportion to κ.\n\n"
        "Inputs far from zero (bmi around 26) or with a large spread make κ huge: the bowl is a long narrow "
        "valley and the path zig-zags across it while it crawls along. Standardising each feature "
        "(x − mean) / std makes the Hessian 2I: κ = 1, a round bowl, and η = 0.5 lands on the optimum in one "
        "step. The line is the same one either way: the page converts the scaled (w, b) back to the data's units.",
        "ko": "MSE는 (w, b)에 대한 2차 그릇입니다. 방향마다의 곡률은 헤세 행렬 2AᵀA/N(A: 입력에 1로 된 열을 "
        "붙인 행렬)의 고윳값 λ입니다. 크기 η의 한 단계는 방향 i의 오차를 |1 − ηλᵢ|배로 줄이므로, η가 "
        "2/λ_max를 넘으면 가파른 방향이 발산하고, 평평한 방향은 에포크마다 1 − ηλ_min배밖에 줄지 않습니다. "
        "가장 좋은 고정 보폭 η = 1/λ_max에서 이 값은 1 − 1/κ이고, κ = λ_max/λ_min이 조건수입니다. 필요한 "
        "에포크 수는 κ에 비례해 늘어납니다.\n\n"
        "입력이 0에서 멀거나(bmi는 26 근처) 퍼짐이 크면 κ가 매우 커집니다. 그릇이 길고 좁은 골짜기가 되어 "
        "경로가 골짜기를 가로질러 지그재그로 움직이면서 골짜기를 따라서는 기어갑니다. 특성마다 "
        "(x − 평균) / 표준편차로 표준화하면 헤세 행렬이 2I가 됩니다. κ = 1인 둥근 그릇이 되고, η = 0.5는 한 "
        "단계 만에 최적점에 닿습니다. 직선은 어느 쪽이든 같습니다. 이 페이지는 스케일링된 (w, b)를 데이터의 "
        "단위로 되돌려 그립니다.",
    },
    "lin.dataset": {"en": "Data", "ko": "데이터"},
    "lin.dataset_help": {
        "en": "Synthetic points around y = slope·x + 1, or scikit-learn's diabetes data (442 patients, raw units).",
        "ko": "y = 기울기·x + 1 주위의 합성 점들, 또는 scikit-learn의 당뇨병 데이터(환자 442명, 원래 단위).",
    },
    "lin.dataset.synthetic": {"en": "Synthetic", "ko": "합성 데이터"},
    "lin.dataset.diabetes": {"en": "Diabetes", "ko": "당뇨병"},
    "lin.slope": {"en": "True slope", "ko": "실제 기울기"},
    "lin.slope_help": {
        "en": "The slope of the line the synthetic points are drawn around.",
        "ko": "합성 점들이 흩어져 있는 직선의 기울기입니다.",
    },
    "lin.n": {"en": "Number of points n", "ko": "점의 개수 n"},
    "lin.n_help": {"en": "How many synthetic points.", "ko": "합성 점의 개수입니다."},
    "lin.noise": {"en": "Noise σ", "ko": "잡음 σ"},
    "lin.noise_help": {"en": "Standard deviation of the noise added to y.", "ko": "y에 더하는 잡음의 표준편차입니다."},
    "lin.features": {"en": "Diabetes features", "ko": "당뇨병 특성"},
    "lin.features_help": {
        "en": "One column draws a line; two draw a plane. The target is disease progression one year later.",
        "ko": "열 하나는 직선을, 둘은 평면을 그립니다. 목표값은 1년 뒤 질병 진행 정도입니다.",
    },
    "lin.features.bmi": {"en": "BMI", "ko": "BMI (체질량지수)"},
    "lin.features.s5": {"en": "s5 (log triglycerides)", "ko": "s5 (로그 중성지방)"},
    "lin.features.bp": {"en": "blood pressure", "ko": "혈압"},
    "lin.features.bmi,s5": {"en": "BMI + s5 (plane)", "ko": "BMI + s5 (평면)"},
    "lin.features.bmi,bp": {"en": "BMI + blood pressure (plane)", "ko": "BMI + 혈압 (평면)"},
    "lin.scale": {"en": "Scale the features", "ko": "특성 스케일링"},
    "lin.scale_help": {
        "en": "Standardise each feature to mean 0 and standard deviation 1 before training.",
        "ko": "학습 전에 각 특성을 평균 0, 표준편차 1로 표준화합니다.",
    },
    "lin.lr": {"en": "Learning rate η", "ko": "학습률 η"},
    "lin.lr_help": {"en": "The step size of torch.optim.SGD.", "ko": "torch.optim.SGD의 보폭입니다."},
    "lin.epochs": {"en": "Epochs", "ko": "에포크"},
    "lin.epochs_help": {"en": "Full-batch steps to take.", "ko": "전체 배치 단계를 몇 번 밟을지입니다."},
    "lin.data_title": {"en": "the line and its residual squares", "ko": "직선과 잔차 정사각형"},
    "lin.plane_title": {"en": "the fitted plane", "ko": "맞춘 평면"},
    "lin.map_title": {"en": "(w, b) on the loss map", "ko": "손실 지도 위의 (w, b)"},
    "lin.trace_data": {"en": "data", "ko": "데이터"},
    "lin.trace_squares": {"en": "residual²", "ko": "잔차²"},
    "lin.trace_line": {"en": "ŷ = wx + b", "ko": "ŷ = wx + b"},
    "lin.trace_plane": {"en": "fitted plane", "ko": "맞춘 평면"},
    "lin.trace_path": {"en": "gradient-descent path", "ko": "경사하강 경로"},
    "lin.trace_start": {"en": "start (torch init)", "ko": "시작점 (torch 초기화)"},
    "lin.trace_optimum": {"en": "closed-form optimum", "ko": "닫힌 형식 최적점"},
    "lin.hover_optimum": {"en": "least squares", "ko": "최소제곱해"},
    "lin.scaled_suffix": {"en": " (scaled)", "ko": " (스케일링)"},
    "lin.plane_map_title": {"en": "(w₁, w₂) on the loss map, b = b*", "ko": "손실 지도 위의 (w₁, w₂), b = b*"},
    "lin.epoch_prefix": {"en": "epoch ", "ko": "에포크 "},
    "lin.squares_caption": {
        "en": "Each orange square has the residual |y − ŷ| as its side. The two axes are locked to one fixed "
        "ratio so the squares are drawn square, and their mean area is the MSE. Map: √(L − L*) shading, so a "
        "round bowl shows as evenly spaced rings.",
        "ko": "주황 정사각형의 한 변은 잔차 |y − ŷ|입니다. 두 축의 비율을 고정해 정사각형이 정사각형으로 "
        "보이게 했고, 그 넓이의 평균이 MSE입니다. 지도의 색은 √(L − L*)이라 둥근 그릇은 간격이 고른 고리로 "
        "보입니다.",
    },
    "lin.plane_caption": {
        "en": "With two features the model is a plane; the map shows (w₁, w₂) with b held at its optimum.",
        "ko": "특성이 둘이면 모델은 평면입니다. 지도는 b를 최적값에 둔 (w₁, w₂)를 보여 줍니다.",
    },
    "lin.diverged": {
        "en": "Training diverged at epoch {epoch}: η = {lr:num} is above 2/λ_max = {limit:num}, the largest step "
        "the steepest direction of this bowl allows. Lower η or scale the features.",
        "ko": "{epoch}번째 에포크에서 발산했습니다. η = {lr:num}{은} 이 그릇의 가장 가파른 방향이 허용하는 "
        "최대 보폭 2/λ_max = {limit:num}보다 큽니다. η를 낮추거나 특성을 스케일링하세요.",
    },
    "lin.result": {
        "en": "After {epochs} epochs: {fit}. Closed-form least squares: {best}.",
        "ko": "{epochs}에포크 뒤: {fit}. 닫힌 형식 최소제곱해: {best}.",
    },
    "lin.not_there": {
        "en": "Not converged yet: this setting needs {needed} epochs to come within 0.1 % of its starting distance from the optimum.",
        "ko": "아직 수렴하지 않았습니다. 이 설정은 최적점까지의 거리를 처음의 0.1 % 아래로 줄이려면 {needed}에포크가 필요합니다.",
    },
    "lin.metric_loss": {"en": "MSE", "ko": "MSE 손실"},
    "lin.metric_loss_help": {
        "en": "Loss after the last epoch; the minimum L* below.",
        "ko": "마지막 에포크 뒤의 손실입니다. 아래는 최솟값 L*입니다.",
    },
    "lin.metric_kappa": {"en": "condition number κ", "ko": "조건수 κ"},
    "lin.metric_kappa_help": {
        "en": "λ_max / λ_min of the Hessian: 1 is a round bowl, large is a narrow valley.",
        "ko": "헤세 행렬의 λ_max / λ_min입니다. 1이면 둥근 그릇, 크면 좁은 골짜기입니다.",
    },
    "lin.metric_needed": {"en": "epochs needed at this η", "ko": "이 η에서 필요한 에포크"},
    "lin.metric_needed_help": {
        "en": "Until ‖θ − θ*‖ is below 0.1 % of its start (exact for full-batch gradient descent on this bowl).",
        "ko": "‖θ − θ*‖가 시작 값의 0.1 % 아래로 떨어질 때까지입니다(이 그릇의 전체 배치 경사하강법에서 정확한 값).",
    },
    "lin.metric_other": {"en": "…with scaling {switch}", "ko": "…스케일링을 {switch}"},
    "lin.switch_on": {"en": "on", "ko": "켜면"},
    "lin.switch_off": {"en": "off", "ko": "끄면"},
    "lin.never": {"en": "never (η too large)", "ko": "수렴 안 함 (η가 너무 큼)"},
    "lin.scaling_heading": {
        "en": "Feature scaling: how many epochs each needs",
        "ko": "특성 스케일링: 각각 필요한 에포크",
    },
    "lin.setting_scaled": {"en": "scaled", "ko": "스케일링"},
    "lin.setting_raw": {"en": "raw", "ko": "원래 단위"},
    "lin.trace_predicted": {"en": "{name} (κ = {kappa:num}), predicted", "ko": "{name} (κ = {kappa:num}), 예측"},
    "lin.trace_measured": {"en": "this torch run, measured", "ko": "이번 torch 실행, 측정값"},
    "lin.tol_label": {"en": "converged: 0.1 % of the start", "ko": "수렴: 시작 거리의 0.1 %"},
    "lin.axis_distance": {"en": "‖θ − θ*‖ / ‖θ₀ − θ*‖", "ko": "‖θ − θ*‖ / ‖θ₀ − θ*‖"},
    "lin.axis_epoch": {"en": "epoch", "ko": "에포크"},
    "lin.scaling_caption": {
        "en": "Lines: ‖θₖ − θ*‖² = Σ (1 − ηλᵢ)²ᵏ cᵢ² from the Hessian's eigenvalues, for both settings at this "
        "η; circles: the distance of the torch run itself. At the best fixed step η = 1/λ_max the epochs grow "
        "in proportion to κ.",
        "ko": "선: 헤세 행렬의 고윳값으로 구한 ‖θₖ − θ*‖² = Σ (1 − ηλᵢ)²ᵏ cᵢ²(두 설정 모두 이 η). 원: torch "
        "실행 자체의 거리입니다. 가장 좋은 고정 보폭 η = 1/λ_max에서는 필요한 에포크가 κ에 비례합니다.",
    },
    "lin.col_setting": {"en": "setting", "ko": "설정"},
    "lin.col_kappa": {"en": "κ", "ko": "κ"},
    "lin.col_limit": {"en": "largest stable η = 2/λ_max", "ko": "안정한 최대 η = 2/λ_max"},
    "lin.col_here": {"en": "epochs at this η", "ko": "이 η에서 에포크"},
    "lin.col_best": {"en": "epochs at η = 1/λ_max", "ko": "η = 1/λ_max에서 에포크"},
    "lin.try.scale.name": {"en": "Scale the features", "ko": "특성 스케일링 켜기"},
    "lin.try.scale.what": {
        "en": "Same data, same η: the map turns from a narrow valley into round rings and the path runs straight "
        "at the star, needing far fewer epochs.",
        "ko": "같은 데이터, 같은 η: 지도가 좁은 골짜기에서 둥근 고리로 바뀌고, 경로가 별을 향해 곧게 달려 "
        "훨씬 적은 에포크로 도착합니다.",
    },
    "lin.try.too_big.name": {"en": "Too large a step", "ko": "너무 큰 보폭"},
    "lin.try.too_big.what": {
        "en": "η = 0.2 is above 2/λ_max for the raw synthetic data: the path bounces ever wider across the "
        "valley and training stops.",
        "ko": "η = 0.2는 원래 단위의 합성 데이터에서 2/λ_max보다 큽니다. 경로가 골짜기를 점점 크게 "
        "넘나들다 학습이 멈춥니다.",
    },
    "lin.try.diabetes_raw.name": {"en": "Diabetes BMI, raw units", "ko": "당뇨병 BMI, 원래 단위"},
    "lin.try.diabetes_raw.what": {
        "en": "BMI sits around 26, so the bowl is a valley with κ in the tens of thousands: even at a safe "
        "η = 0.001, 1000 epochs leave (w, b) far from the star.",
        "ko": "BMI가 26 근처에 있어 그릇은 κ가 수만인 골짜기입니다. 안전한 η = 0.001로도 1000에포크 뒤 "
        "(w, b)는 별에서 멀리 있습니다.",
    },
    "lin.try.diabetes_scaled.name": {"en": "Diabetes BMI, scaled", "ko": "당뇨병 BMI, 스케일링"},
    "lin.try.diabetes_scaled.what": {
        "en": "Standardised BMI makes the Hessian 2I: κ = 1, and η = 0.5 = 1/λ lands on the optimum in one epoch.",
        "ko": "표준화한 BMI는 헤세 행렬을 2I로 만듭니다. κ = 1이고, η = 0.5 = 1/λ는 한 에포크 만에 최적점에 닿습니다.",
    },
    "lin.try.plane.name": {"en": "Two features: a plane", "ko": "특성 둘: 평면"},
    "lin.try.plane.what": {
        "en": "BMI and s5, scaled: the model is a plane through the 3-D cloud, and it matches scikit-learn's "
        "LinearRegression.",
        "ko": "BMI와 s5, 스케일링: 모델은 3차원 점 구름을 지나는 평면이고, scikit-learn의 LinearRegression과 "
        "같은 답을 냅니다.",
    },
}
