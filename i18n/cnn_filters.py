"""Texts of the CNN-filters page."""

TEXT = {
    "cnn.intro": {
        "en": "A convolution layer slides a small grid of weights, the **kernel**, over the image. At every position it multiplies the kernel with the pixels under it and adds the products up: one number of the **feature map**.",
        "ko": "합성곱 층은 **커널**이라는 작은 가중치 격자를 이미지 위로 미끄러뜨립니다. 위치마다 커널과 그 아래 픽셀을 곱해 모두 더하면 **특성 맵**의 값 하나가 나옵니다.",
    },
    "cnn.intro_more": {
        "en": "A kernel whose weights go from −1 on the left to +1 on the right answers strongly wherever brightness changes from left to right, so it lights up vertical edges. A CNN learns its kernels from data instead of having them drawn by hand.\n\nAlong each axis the output has ⌊(H + 2p − d(k − 1) − 1)/s⌋ + 1 cells; under the chart this formula is worked out with the chosen image's numbers.",
        "ko": "왼쪽이 −1, 오른쪽이 +1인 커널은 밝기가 왼쪽에서 오른쪽으로 바뀌는 곳에서 크게 반응하므로 세로 경계선을 밝게 드러냅니다. CNN은 이런 커널을 사람이 직접 정하지 않고 데이터에서 학습합니다.\n\n출력의 칸 수는 축마다 ⌊(H + 2p − d(k − 1) − 1)/s⌋ + 1입니다. 차트 아래에서 고른 이미지의 숫자를 넣어 이 식을 직접 계산해 보여 줍니다.",
    },
    "cnn.formula_note": {
        "en": "Stride s moves the window s pixels at a time, padding p adds a zero border, dilation d spreads the kernel's taps d pixels apart. PyTorch's conv2d does not flip the kernel (strictly, a cross-correlation).",
        "ko": "스트라이드 s는 창을 한 번에 s픽셀씩 옮기고, 패딩 p는 가장자리에 0을 덧대며, 팽창(dilation) d는 커널 원소 사이를 d픽셀씩 벌립니다. PyTorch의 conv2d는 커널을 뒤집지 않습니다(엄밀히는 교차상관).",
    },
    "cnn.image": {"en": "Image", "ko": "이미지"},
    "cnn.image_help": {
        "en": "Photos and digits ship with scikit-learn; shapes and stripes are generated. Choose 'upload' to use your own picture (upload it below). Everything is converted to grayscale.",
        "ko": "사진과 숫자는 scikit-learn에 들어 있고, 도형과 줄무늬는 직접 생성합니다. 'upload'를 고르면 아래에서 올린 내 사진을 씁니다. 모든 이미지는 흑백으로 바꿔 계산합니다.",
    },
    "cnn.image.china": {"en": "Photo: a temple in China (scikit-learn)", "ko": "사진: 중국의 사원 (scikit-learn)"},
    "cnn.image.flower": {"en": "Photo: a flower (scikit-learn)", "ko": "사진: 꽃 (scikit-learn)"},
    "cnn.image.digit": {"en": "An 8×8 handwritten digit (load_digits)", "ko": "8×8 손글씨 숫자 (load_digits)"},
    "cnn.image.shapes": {
        "en": "Generated shapes: square, disc, triangle, diagonal line",
        "ko": "생성한 도형: 정사각형, 원, 삼각형, 대각선",
    },
    "cnn.image.stripes": {
        "en": "Generated stripes: vertical on the left, horizontal on the right",
        "ko": "생성한 줄무늬: 왼쪽은 세로, 오른쪽은 가로",
    },
    "cnn.image.upload": {"en": "Your uploaded picture", "ko": "내가 올린 사진"},
    "cnn.kernel": {"en": "Kernel", "ko": "커널"},
    "cnn.kernel_help": {
        "en": "The weights w slid over the image. 'custom' lets you type or edit your own 3×3 or 5×5 kernel.",
        "ko": "이미지 위를 미끄러지는 가중치 w입니다. 'custom'을 고르면 3×3 또는 5×5 커널을 직접 입력하거나 고칠 수 있습니다.",
    },
    "cnn.kernel.identity": {"en": "Identity: copies the image", "ko": "항등: 이미지를 그대로 복사"},
    "cnn.kernel.sobel_x": {"en": "Sobel x: vertical edges", "ko": "소벨 x: 세로 경계선"},
    "cnn.kernel.sobel_y": {"en": "Sobel y: horizontal edges", "ko": "소벨 y: 가로 경계선"},
    "cnn.kernel.laplacian": {"en": "Laplacian: edges in every direction", "ko": "라플라시안: 모든 방향의 경계선"},
    "cnn.kernel.box_blur": {"en": "Box blur: average of 3×3", "ko": "박스 블러: 3×3 평균"},
    "cnn.kernel.gaussian_blur": {"en": "Gaussian blur (5×5)", "ko": "가우시안 블러 (5×5)"},
    "cnn.kernel.sharpen": {"en": "Sharpen", "ko": "선명하게"},
    "cnn.kernel.emboss": {"en": "Emboss: relief from top left", "ko": "엠보스: 왼쪽 위에서 비춘 양각"},
    "cnn.kernel.custom": {"en": "Custom: your own weights", "ko": "사용자 정의: 직접 정한 가중치"},
    "cnn.stride": {"en": "Stride s", "ko": "스트라이드 s"},
    "cnn.stride_help": {
        "en": "How many pixels the window jumps between positions. Stride 2 roughly halves the output's height and width.",
        "ko": "창이 한 번에 건너뛰는 픽셀 수입니다. 스트라이드 2는 출력의 높이와 너비를 대략 절반으로 줄입니다.",
    },
    "cnn.padding": {"en": "Padding p", "ko": "패딩 p"},
    "cnn.padding_help": {
        "en": "Zeros added around the image. With a 3×3 kernel, padding 1 keeps the output the same size as the input.",
        "ko": "이미지 둘레에 덧대는 0의 두께입니다. 3×3 커널이면 패딩 1일 때 출력 크기가 입력과 같아집니다.",
    },
    "cnn.dilation": {"en": "Dilation d", "ko": "팽창 d"},
    "cnn.dilation_help": {
        "en": "Spacing between the kernel's taps. A 3×3 kernel with dilation 2 covers 5×5 pixels with only 9 weights.",
        "ko": "커널 원소 사이의 간격입니다. 팽창 2인 3×3 커널은 가중치 9개만으로 5×5 영역을 봅니다.",
    },
    "cnn.upload": {
        "en": "Upload your own picture: one PNG or JPEG, up to 5 MB",
        "ko": "내 사진 올리기: PNG 또는 JPEG 파일 하나, 5MB까지 (아래 칸에 끌어다 놓거나 ‘Browse files’ 버튼으로 고르세요)",
    },
    "cnn.upload_help": {
        "en": "Up to 5 MB and 25 megapixels. The file is checked before it is decoded, converted to grayscale and shrunk to at most 256 pixels per side. It stays in this browser session only.",
        "ko": "5MB, 2,500만 화소까지 올릴 수 있습니다. 파일은 디코딩 전에 먼저 검사하고, 흑백으로 바꾼 뒤 한 변이 최대 256픽셀이 되도록 줄입니다. 지금 브라우저 세션에만 남습니다.",
    },
    "cnn.custom": {
        "en": "Custom kernel (9 or 25 numbers, row by row)",
        "ko": "사용자 정의 커널 (숫자 9개 또는 25개, 행 순서)",
    },
    "cnn.custom_help": {
        "en": "Type the weights row by row, separated by commas, or edit the cells of the grid below. 9 numbers make a 3×3 kernel, 25 a 5×5 one. This text is part of the page link.",
        "ko": "가중치를 행 순서대로 쉼표로 구분해 입력하거나 아래 격자의 칸을 고치세요. 숫자 9개는 3×3, 25개는 5×5 커널이 됩니다. 이 글자는 페이지 링크에도 들어갑니다.",
    },
    "cnn.custom_err.not_numbers": {
        "en": "The custom kernel contains something that is not a number. Use digits, a minus sign and a decimal point, separated by commas. Showing the default custom kernel instead.",
        "ko": "사용자 정의 커널에 숫자가 아닌 것이 들어 있습니다. 숫자, 음수 부호, 소수점만 쉼표로 구분해 적어 주세요. 대신 기본 사용자 정의 커널을 보여 줍니다.",
    },
    "cnn.custom_err.count": {
        "en": "The custom kernel has {n} numbers; it needs 9 (3×3) or 25 (5×5). Showing the default custom kernel instead.",
        "ko": "사용자 정의 커널에 숫자가 {n}개 있습니다. 9개(3×3) 또는 25개(5×5)여야 합니다. 대신 기본 사용자 정의 커널을 보여 줍니다.",
    },
    "cnn.custom_err.range": {
        "en": "Each weight must be a finite number between −{limit:g} and {limit:g}. Showing the default custom kernel instead.",
        "ko": "가중치는 −{limit:g}에서 {limit:g} 사이의 유한한 수여야 합니다. 대신 기본 사용자 정의 커널을 보여 줍니다.",
    },
    "cnn.resize": {"en": "Make it {k}×{k}", "ko": "{k}×{k}{으로} 바꾸기"},
    "cnn.grid": {"en": "Kernel weights w, {k}×{k}", "ko": "커널 가중치 w, {k}×{k}"},
    "cnn.grid_cell": {"en": "Weight in row {row}, column {col}", "ko": "{row}행 {col}열 가중치"},
    "cnn.grid_invalid": {
        "en": "Not a number, so this cell is not applied. Use digits, a minus sign and a decimal point.",
        "ko": "숫자가 아니어서 이 칸은 반영되지 않습니다. 숫자, 음수 부호, 소수점만 쓰세요.",
    },
    "cnn.grid_hint": {
        "en": "Enter or Tab applies a cell; the arrow keys move between cells; Esc undoes the typing.",
        "ko": "Enter나 Tab을 누르면 칸이 반영되고, 화살표 키로 칸을 옮기며, Esc로 입력을 되돌립니다.",
    },
    "cnn.edit_preset": {"en": "Edit this kernel", "ko": "이 커널 고쳐 보기"},
    "cnn.upload_err.empty": {
        "en": "{name} is empty (0 bytes). Choose a PNG or JPEG picture. The previous image stays on screen.",
        "ko": "{name} 파일이 비어 있습니다(0바이트). PNG나 JPEG 사진을 골라 주세요. 이전 이미지는 그대로 둡니다.",
    },
    "cnn.upload_err.too_large": {
        "en": "{name} is {mb:.1f} MB; the limit is {limit:.0f} MB. Save a smaller version and try again. The previous image stays on screen.",
        "ko": "{name} 파일은 {mb:.1f}MB로 한도 {limit:.0f}MB를 넘습니다. 더 작게 저장해서 다시 올려 주세요. 이전 이미지는 그대로 둡니다.",
    },
    "cnn.upload_err.not_image": {
        "en": "{name} is not a PNG or JPEG picture (its first bytes do not match either format, whatever its file name says). The previous image stays on screen.",
        "ko": "{name} 파일은 PNG나 JPEG 사진이 아닙니다(파일 이름과 상관없이 첫 바이트가 두 형식 어디에도 맞지 않습니다). 이전 이미지는 그대로 둡니다.",
    },
    "cnn.upload_err.too_many_pixels": {
        "en": "{name} is {w}×{h} pixels; at most {limit:.0f} megapixels are accepted. Resize it and try again. The previous image stays on screen.",
        "ko": "{name} 파일은 {w}×{h}픽셀입니다. {limit:.0f}백만 화소까지만 받습니다. 크기를 줄여서 다시 올려 주세요. 이전 이미지는 그대로 둡니다.",
    },
    "cnn.upload_err.too_small": {
        "en": "{name} is only {w}×{h} pixels; each side needs at least {side}. The previous image stays on screen.",
        "ko": "{name} 파일은 {w}×{h}픽셀밖에 되지 않습니다. 각 변이 {side}픽셀 이상이어야 합니다. 이전 이미지는 그대로 둡니다.",
    },
    "cnn.upload_err.bomb": {
        "en": "{name} claims an enormous number of pixels (a possible decompression bomb), so it was not decoded. The previous image stays on screen.",
        "ko": "{name} 파일은 화소 수가 비정상적으로 커서(압축 폭탄일 수 있음) 디코딩하지 않았습니다. 이전 이미지는 그대로 둡니다.",
    },
    "cnn.upload_err.corrupt": {
        "en": "{name} looks like a PNG or JPEG but could not be read: it is damaged or cut short. Export it again and retry. The previous image stays on screen.",
        "ko": "{name} 파일은 PNG나 JPEG처럼 보이지만 읽을 수 없습니다. 손상되었거나 중간에 잘린 파일입니다. 다시 저장해서 올려 주세요. 이전 이미지는 그대로 둡니다.",
    },
    "cnn.no_upload": {
        "en": "No picture has been uploaded in this session yet, so the temple photo is shown. Upload a PNG or JPEG above.",
        "ko": "이 세션에서 아직 올린 사진이 없어 사원 사진을 보여 줍니다. 위에서 PNG나 JPEG 파일을 올려 주세요.",
    },
    "cnn.no_fit": {
        "en": "The dilated kernel spans {span} pixels but the padded image is only {h}×{w}: there is no position where it fits, so the output would be empty. Lower the dilation or raise the padding.",
        "ko": "팽창된 커널은 {span}픽셀을 차지하는데 패딩한 이미지는 {h}×{w}뿐이라 커널이 들어갈 자리가 없습니다. 출력이 비게 됩니다. 팽창을 줄이거나 패딩을 늘려 보세요.",
    },
    "cnn.metric_shape": {"en": "Input → output size", "ko": "입력 → 출력 크기"},
    "cnn.metric_relu": {"en": "Outputs kept by ReLU", "ko": "ReLU를 통과한 출력"},
    "cnn.metric_relu_help": {
        "en": "Share of feature-map values above zero. ReLU sets every negative value to 0.",
        "ko": "특성 맵 값 가운데 0보다 큰 값의 비율입니다. ReLU는 음수를 모두 0으로 만듭니다.",
    },
    "cnn.metric_params": {"en": "Weights in the kernel", "ko": "커널의 가중치 수"},
    "cnn.metric_params_help": {
        "en": "The same few weights are reused at every position: that weight sharing is why a conv layer is so much smaller than a fully connected one.",
        "ko": "같은 몇 개의 가중치를 모든 위치에서 다시 씁니다. 이 가중치 공유 덕분에 합성곱 층은 완전연결층보다 훨씬 작습니다.",
    },
    "cnn.post_header": {"en": "After ReLU and 2×2 max-pooling", "ko": "ReLU와 2×2 최대 풀링 뒤"},
    "cnn.post_caption": {
        "en": "ReLU keeps the positive responses; max-pooling keeps the strongest response in each 2×2 block, halving height and width.",
        "ko": "ReLU는 양수 반응만 남기고, 최대 풀링은 2×2 블록마다 가장 강한 반응 하나만 남겨 높이와 너비를 절반으로 줄입니다.",
    },
    "cnn.sw_header": {"en": "The sliding window, step by step", "ko": "한 칸씩 움직이는 슬라이딩 윈도"},
    "cnn.sw_caption": {
        "en": "An 8×8 crop of the image at full resolution, where its pixels vary most (for the digit, the whole digit), with the same kernel, stride, padding and dilation. Each frame multiplies the kernel with the pixels under the window, sums the products and writes one output cell.",
        "ko": "이미지에서 픽셀 값이 가장 크게 변하는 8×8 부분을 원래 해상도 그대로 잘라(숫자는 숫자 전체) 같은 커널, 스트라이드, 패딩, 팽창을 적용합니다. 프레임마다 창 아래 픽셀과 커널을 곱하고, 그 곱을 더해 출력 칸 하나를 채웁니다.",
    },
    "cnn.sw_no_fit": {
        "en": "The dilated kernel spans {span} pixels, more than the padded {n}×{n} patch, so there is nothing to animate here. Lower the dilation or raise the padding.",
        "ko": "팽창된 커널이 {span}픽셀을 차지해 패딩한 {n}×{n} 조각보다 큽니다. 그래서 여기서는 보여 줄 움직임이 없습니다. 팽창을 줄이거나 패딩을 늘려 보세요.",
    },
    "cnn.learned_header": {"en": "Filters a CNN learns by itself", "ko": "CNN이 스스로 배우는 필터"},
    "cnn.learned_intro": {
        "en": "A small CNN (8 first-layer 3×3 filters → ReLU → 2×2 max-pool → linear layer) learns to read the 8×8 digits of `load_digits`, trained with Adam for a few seconds. Then compare its filters with the hand-made kernels above.",
        "ko": "작은 CNN(첫 층 3×3 필터 8개 → ReLU → 2×2 최대 풀링 → 선형층)이 `load_digits`의 8×8 숫자를 읽도록 Adam으로 몇 초 동안 학습합니다. 학습이 끝나면 그 필터를 위의 손으로 만든 커널과 비교해 보세요.",
    },
    "cnn.train": {"en": "Train the CNN on digits", "ko": "숫자 데이터로 CNN 학습하기"},
    "cnn.training": {"en": "Training…", "ko": "학습 중…"},
    "cnn.training_epoch": {
        "en": "Epoch {e}/{n}: test accuracy {acc:.1%}",
        "ko": "에포크 {e}/{n}: 테스트 정확도 {acc:.1%}",
    },
    "cnn.train_hint": {
        "en": "Press the button to train (about a second or two). The seed in the sidebar fixes the data split and the initial weights.",
        "ko": "버튼을 누르면 학습합니다(1~2초 정도). 사이드바의 시드가 데이터 분할과 초기 가중치를 정합니다.",
    },
    "cnn.metric_acc": {"en": "Test accuracy", "ko": "테스트 정확도"},
    "cnn.metric_time": {"en": "Training time", "ko": "학습 시간"},
    "cnn.metric_seed": {"en": "Seed of this run", "ko": "이 학습의 시드"},
    "cnn.learned_title": {
        "en": "Learned 3×3 filters (top, per epoch) and the closest hand-made kernel (bottom)",
        "ko": "학습된 3×3 필터(위, 에포크별)와 가장 닮은 손으로 만든 커널(아래)",
    },
    "cnn.no_match": {"en": "no close classic kernel", "ko": "가까운 고전 커널 없음"},
    "cnn.learned_caption": {
        "en": "Press ▶ to watch the filters form epoch by epoch, starting from random weights. 'cos' is the cosine similarity with the kernel below it: close to ±1 means the same pattern (a negative sign is the same detector with its colours flipped). A filter is named after a classic kernel only when |cos| ≥ 0.8.",
        "ko": "▶을 누르면 무작위 가중치에서 시작한 필터가 에포크마다 모양을 갖춰 가는 과정을 볼 수 있습니다. 'cos'는 아래 커널과의 코사인 유사도로, ±1에 가까울수록 같은 패턴입니다(음수는 색만 뒤집힌 같은 검출기입니다). |cos| ≥ 0.8일 때만 고전 커널의 이름을 붙입니다.",
    },
    "cnn.digit_pick": {"en": "Test digit to look at", "ko": "살펴볼 테스트 숫자"},
    "cnn.digit_pick_help": {
        "en": "Index into the test set. The maps show what each learned filter picks out of this digit.",
        "ko": "테스트 세트 안의 번호입니다. 각 학습된 필터가 이 숫자에서 무엇을 골라내는지 특성 맵으로 보여 줍니다.",
    },
    "cnn.digit_label": {"en": "True digit: {y} · CNN predicts: {pred}", "ko": "정답: {y} · CNN 예측: {pred}"},
    "cnn.fig_input": {"en": "Input image ({h}×{w})", "ko": "입력 이미지 ({h}×{w})"},
    "cnn.fig_kernel": {"en": "Kernel ({k}×{k})", "ko": "커널 ({k}×{k})"},
    "cnn.fig_output": {"en": "Feature map ({h}×{w})", "ko": "특성 맵 ({h}×{w})"},
    "cnn.hover_pixel": {"en": "pixel", "ko": "픽셀"},
    "cnn.hover_out": {"en": "output", "ko": "출력"},
    "cnn.colorbar": {"en": "response", "ko": "반응"},
    "cnn.fig_relu": {"en": "After ReLU ({h}×{w})", "ko": "ReLU 뒤 ({h}×{w})"},
    "cnn.fig_pool": {"en": "After 2×2 max-pool ({h}×{w})", "ko": "2×2 최대 풀링 뒤 ({h}×{w})"},
    "cnn.sw_input": {"en": "8×8 crop with padding ({h}×{w})", "ko": "패딩한 8×8 조각 ({h}×{w})"},
    "cnn.sw_products": {"en": "w ⊙ window, and the sum", "ko": "w ⊙ 창, 그리고 합"},
    "cnn.sw_output": {"en": "Output, cell by cell ({h}×{w})", "ko": "출력, 한 칸씩 ({h}×{w})"},
    "cnn.sw_window": {"en": "pixels under the kernel", "ko": "커널 아래 픽셀"},
    "cnn.sw_current": {"en": "cell being written", "ko": "지금 채우는 칸"},
    "cnn.sw_cell": {"en": "writing output cell ", "ko": "지금 채우는 출력 칸 "},
    "cnn.epoch": {"en": "epoch ", "ko": "에포크 "},
    "cnn.train_loss": {"en": "training loss", "ko": "학습 손실"},
    "cnn.test_acc": {"en": "test accuracy (%)", "ko": "테스트 정확도 (%)"},
    "cnn.axis_epoch": {"en": "epoch", "ko": "에포크"},
    "cnn.axis_pred": {"en": "predicted digit", "ko": "예측한 숫자"},
    "cnn.axis_true": {"en": "true digit", "ko": "실제 숫자"},
    "cnn.hover_confusion": {
        "en": "true %{y}, predicted %{x}: %{z} digits",
        "ko": "실제 %{y}, 예측 %{x}: %{z}개",
    },
    "cnn.digit": {"en": "digit", "ko": "숫자"},
    "cnn.maps_relu": {"en": "ReLU", "ko": "ReLU 뒤"},
    "cnn.maps_pool": {"en": "pooled", "ko": "풀링 뒤"},
    "cnn.try.edges.name": {"en": "Vertical edges", "ko": "세로 경계선"},
    "cnn.try.edges.what": {
        "en": "Sobel x on the temple photo: pillars and window frames light up, red where it gets brighter to the right, blue where darker. Flat sky stays white (zero).",
        "ko": "사원 사진에 소벨 x를 적용합니다. 기둥과 창틀이 드러나는데, 오른쪽으로 밝아지면 빨강, 어두워지면 파랑입니다. 평평한 하늘은 하얀색(0)으로 남습니다.",
    },
    "cnn.try.stripes.name": {"en": "One direction at a time", "ko": "한 번에 한 방향"},
    "cnn.try.stripes.what": {
        "en": "Sobel y on the stripes: only the horizontal stripes on the right respond. Switch to sobel_x and the other half lights up.",
        "ko": "줄무늬에 소벨 y를 적용하면 오른쪽의 가로 줄무늬만 반응합니다. sobel_x로 바꾸면 반대쪽 절반이 밝아집니다.",
    },
    "cnn.try.stride.name": {"en": "Stride 2 downsamples", "ko": "스트라이드 2로 줄이기"},
    "cnn.try.stride.what": {
        "en": "A 5×5 Gaussian blur with stride 2: read the formula, the output is about half the size in each direction. In the animation the window jumps two cells.",
        "ko": "스트라이드 2인 5×5 가우시안 블러입니다. 수식을 보면 출력이 가로세로 약 절반이 됩니다. 애니메이션에서 창이 두 칸씩 건너뜁니다.",
    },
    "cnn.try.dilation.name": {"en": "Dilation on a digit", "ko": "숫자에 팽창 적용"},
    "cnn.try.dilation.what": {
        "en": "A Laplacian with dilation 2 and padding 2 on the 8×8 digit: the 9 taps spread over 5×5 pixels, and the output stays 8×8. Check it against the formula.",
        "ko": "8×8 숫자에 팽창 2, 패딩 2인 라플라시안을 적용합니다. 원소 9개가 5×5 영역에 퍼지고 출력은 8×8로 유지됩니다. 수식으로 직접 확인해 보세요.",
    },
    "cnn.try.custom.name": {"en": "Write your own kernel", "ko": "커널 직접 만들기"},
    "cnn.try.custom.what": {
        "en": "Rows 1, 0, −1 on the shapes: top edges of the bright shapes turn blue, bottom edges red. Edit the grid or the text and watch the feature map follow.",
        "ko": "도형 이미지에 행이 1, 0, −1인 커널을 적용합니다. 밝은 도형의 위쪽 경계는 파랑, 아래쪽 경계는 빨강이 됩니다. 격자나 글자를 고치면 특성 맵이 따라 바뀝니다.",
    },
}
