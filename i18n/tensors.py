"""Text of /tensors (chapter 3): broadcasting, memory layout and reductions."""

TEXT = {
    "tensors.intro": {
        "en": "A tensor is a block of numbers with a **shape**. Most bugs in a first PyTorch program are shape bugs: "
        "here you can *see* what broadcasting stretches, how one block of memory is read as many shapes, and which "
        "axis a reduction collapses. Every grid is computed by torch itself.",
        "ko": "텐서는 **모양**(shape)이 있는 숫자 덩어리입니다. 처음 쓰는 PyTorch 코드의 버그는 대부분 모양 버그입니다. "
        "여기서는 브로드캐스팅이 무엇을 늘리는지, 메모리 한 덩어리를 어떻게 여러 모양으로 읽는지, 축소 연산이 어느 축을 "
        "없애는지 눈으로 확인합니다. 모든 격자는 torch가 직접 계산합니다.",
    },
    "tensors.formula_note": {
        "en": "Broadcasting compares shapes from the right: two sizes fit when they are equal or one of them is 1.",
        "ko": "브로드캐스팅은 모양을 오른쪽부터 비교합니다. 두 크기가 같거나 한쪽이 1이면 맞습니다.",
    },
    "tensors.intro_more": {
        "en": "**Broadcasting.** `A + B` with A of shape (3, 1) and B of shape (1, 4) gives a (3, 4) result: "
        "the size-1 axes are stretched, as if A were copied into 4 columns and B into 3 rows. The copies are never "
        "made: `A.expand(3, 4)` reads the same numbers again through a **stride of 0**.\n\n"
        "**Memory.** A tensor is a 1-D block of memory plus a shape and **strides**: the step in memory for one step "
        "along each dim. `view`, `transpose` and `permute` only change the strides (no copy); `contiguous()` and a "
        "`reshape` that cannot be a view copy the numbers into memory order. `view` refuses when no strides can do it.\n\n"
        "**Reductions.** `x.sum(dim=0)` adds along dim 0, so that axis disappears; `keepdim=True` keeps it with size 1, "
        "which lets the result broadcast back against x (e.g. `x / x.sum(dim=1, keepdim=True)`).",
        "ko": "**브로드캐스팅.** 모양이 (3, 1)인 A와 (1, 4)인 B를 `A + B`로 더하면 (3, 4) 결과가 나옵니다. 크기가 1인 축이 "
        "늘어나서, 마치 A를 4열로, B를 3행으로 복사한 것처럼 계산됩니다. 실제로 복사본을 만들지는 않습니다. "
        "`A.expand(3, 4)`는 **보폭(stride) 0**으로 같은 숫자를 다시 읽을 뿐입니다.\n\n"
        "**메모리.** 텐서는 1차원 메모리 덩어리에 모양과 **보폭**(stride)을 더한 것입니다. 보폭은 각 차원을 따라 한 칸 갈 때 "
        "메모리에서 몇 칸 건너뛰는지를 뜻합니다. `view`, `transpose`, `permute`는 보폭만 바꾸고 복사하지 않습니다. "
        "`contiguous()`와 view로 만들 수 없는 `reshape`는 숫자를 메모리 순서대로 복사합니다. 어떤 보폭으로도 만들 수 없으면 "
        "`view`는 오류를 냅니다.\n\n"
        "**축소 연산.** `x.sum(dim=0)`은 0번 차원을 따라 더하므로 그 축이 사라집니다. `keepdim=True`를 주면 크기 1로 "
        "남겨 두므로 결과를 다시 x와 브로드캐스팅할 수 있습니다(예: `x / x.sum(dim=1, keepdim=True)`).",
    },
    "tensors.mode": {"en": "What to look at", "ko": "살펴볼 주제"},
    "tensors.mode_help": {
        "en": "Broadcasting (two tensors), memory layout (one tensor, many shapes) or reductions (one axis collapsed).",
        "ko": "브로드캐스팅(텐서 두 개), 메모리 배치(텐서 하나, 여러 모양), 축소 연산(축 하나를 없앰) 중에서 고릅니다.",
    },
    "tensors.mode.broadcast": {"en": "Broadcasting", "ko": "브로드캐스팅"},
    "tensors.mode.memory": {"en": "Memory", "ko": "메모리"},
    "tensors.mode.reduce": {"en": "Reductions", "ko": "축소 연산"},
    "tensors.a": {"en": "Shape of A", "ko": "A의 모양"},
    "tensors.a_help": {
        "en": "1 to 3 sizes, each 1–6, separated by commas: 3,1 or 2,3,4. A holds 1, 2, 3, …",
        "ko": "쉼표로 나눈 크기 1~3개, 각각 1~6: 3,1 또는 2,3,4. A에는 1, 2, 3, …이 들어 있습니다.",
    },
    "tensors.b": {"en": "Shape of B", "ko": "B의 모양"},
    "tensors.b_help": {
        "en": "1 to 3 sizes, each 1–6, separated by commas. B holds 10, 20, 30, … so every result shows its sources.",
        "ko": "쉼표로 나눈 크기 1~3개, 각각 1~6. B에는 10, 20, 30, …이 들어 있어 결과마다 어디서 왔는지 보입니다.",
    },
    "tensors.op": {"en": "Operation", "ko": "연산"},
    "tensors.op_help": {
        "en": "Element-wise + and * broadcast; @ is the matrix product; cat joins along an existing dim, stack along a new one.",
        "ko": "원소별 +와 *는 브로드캐스팅합니다. @는 행렬 곱이고, cat은 있는 차원을 따라, stack은 새 차원을 따라 붙입니다.",
    },
    "tensors.op.add": {"en": "add: A + B", "ko": "덧셈: A + B"},
    "tensors.op.mul": {"en": "multiply: A * B", "ko": "원소별 곱: A * B"},
    "tensors.op.matmul": {"en": "matrix product: A @ B", "ko": "행렬 곱: A @ B"},
    "tensors.op.cat": {"en": "join: torch.cat", "ko": "이어 붙이기: torch.cat"},
    "tensors.op.stack": {"en": "stack: torch.stack", "ko": "쌓기: torch.stack"},
    "tensors.shape": {"en": "Shape of x", "ko": "x의 모양"},
    "tensors.shape_help": {
        "en": "1 to 3 sizes, each 1–6, separated by commas. Memory: x = 0, 1, …, n−1. Reductions: whole numbers 0–9 (seed).",
        "ko": "쉼표로 나눈 크기 1~3개, 각각 1~6. 메모리: x = 0, 1, …, n−1. 축소 연산: 0~9의 정수(시드로 뽑음).",
    },
    "tensors.layout": {"en": "Operation on x", "ko": "x에 할 연산"},
    "tensors.layout_help": {
        "en": "view and transpose share x's memory; reshape and contiguous() copy when they must.",
        "ko": "view와 transpose는 x의 메모리를 함께 씁니다. reshape와 contiguous()는 필요할 때 복사합니다.",
    },
    "tensors.layout.view": {"en": "x.view(shape)", "ko": "x.view(모양)"},
    "tensors.layout.reshape": {"en": "x.reshape(shape)", "ko": "x.reshape(모양)"},
    "tensors.layout.transpose": {"en": "transpose: x.transpose(0, 1)", "ko": "전치: x.transpose(0, 1)"},
    "tensors.layout.permute": {"en": "x.permute(reversed dims)", "ko": "x.permute(차원 순서 뒤집기)"},
    "tensors.layout.t_view": {"en": "transpose, then view", "ko": "전치한 뒤 view"},
    "tensors.layout.t_reshape": {"en": "transpose, then reshape", "ko": "전치한 뒤 reshape"},
    "tensors.layout.t_contiguous": {"en": "transpose, then contiguous()", "ko": "전치한 뒤 contiguous()"},
    "tensors.target": {"en": "New shape (view/reshape)", "ko": "새 모양(view/reshape)"},
    "tensors.target_help": {
        "en": "Up to 3 sizes; one may be -1 (torch works it out). The sizes must multiply to x's number of elements.",
        "ko": "크기 최대 3개. 하나는 -1로 두면 torch가 알아서 정합니다. 크기를 모두 곱하면 x의 원소 수가 되어야 합니다.",
    },
    "tensors.reduce": {"en": "Reduction", "ko": "축소 연산"},
    "tensors.reduce_help": {
        "en": "sum and mean add up a line of x; max gives the largest value and where it is; argmax only where.",
        "ko": "sum과 mean은 x의 한 줄을 모아 계산합니다. max는 가장 큰 값과 그 위치를, argmax는 위치만 줍니다.",
    },
    "tensors.reduce.sum": {"en": "sum", "ko": "합 sum"},
    "tensors.reduce.mean": {"en": "mean", "ko": "평균 mean"},
    "tensors.reduce.max": {"en": "max (values, indices)", "ko": "최댓값 max(값, 위치)"},
    "tensors.reduce.argmax": {"en": "argmax", "ko": "최댓값 위치 argmax"},
    "tensors.dim": {"en": "dim", "ko": "차원 dim"},
    "tensors.dim_help": {
        "en": "The dim to join (cat), to insert (stack) or to collapse (reductions). Negative counts from the end.",
        "ko": "이어 붙일(cat), 새로 끼울(stack), 없앨(축소 연산) 차원입니다. 음수는 끝에서부터 셉니다.",
    },
    "tensors.keepdim": {"en": "keepdim", "ko": "keepdim: 차원 유지"},
    "tensors.keepdim_help": {
        "en": "Keep the collapsed dim with size 1, so the result still broadcasts against x.",
        "ko": "없앤 차원을 크기 1로 남겨 두어, 결과를 x와 다시 브로드캐스팅할 수 있게 합니다.",
    },
    "tensors.cell": {"en": "Follow element no.", "ko": "따라갈 원소 번호"},
    "tensors.cell_help": {
        "en": "Which element of the result to trace back to its sources, counted row by row from 0 (too large: the last).",
        "ko": "결과의 몇 번째 원소를 거슬러 올라갈지 정합니다. 0부터 행 순서로 셉니다(너무 크면 마지막 원소).",
    },
    "tensors.grid.s": {"en": "memory s of x", "ko": "x의 메모리 s"},
    "tensors.grid.s2": {"en": "new memory s′ (a copy)", "ko": "새 메모리 s′(복사본)"},
    "tensors.stride": {"en": "stride {strides}", "ko": "보폭 {strides}"},
    "tensors.legend.real": {"en": "elements", "ko": "원소"},
    "tensors.legend.ghost": {"en": "broadcast copies (no memory)", "ko": "브로드캐스팅 복사본(메모리 없음)"},
    "tensors.legend.follow": {"en": "followed element", "ko": "따라가는 원소"},
    "tensors.legend.axis": {"en": "collapsed dim {dim}", "ko": "없어지는 차원 {dim}"},
    "tensors.anim": {"en": "element ", "ko": "원소 "},
    "tensors.caption.broadcast": {
        "en": "Pale dotted cells are the copies broadcasting acts as if it made; the black frame follows one element of C "
        "back to the cells it came from.",
        "ko": "흐린 점선 칸은 브로드캐스팅이 만든 것처럼 계산하는 복사본입니다. 검은 테두리는 C의 원소 하나가 어느 칸에서 왔는지 "
        "따라갑니다.",
    },
    "tensors.caption.memory": {
        "en": "Colour = the element's original place in memory (0 … n−1), so a colour follows its number through every "
        "shape. The black frame walks y in order and shows where in memory each element is read: offset = Σ index × stride.",
        "ko": "색은 원소가 처음 메모리에 있던 자리(0 … n−1)를 뜻하므로, 모양이 바뀌어도 같은 숫자는 같은 색입니다. 검은 테두리는 "
        "y를 순서대로 걸으며 각 원소를 메모리 어디에서 읽는지 보여 줍니다: 위치 = Σ 인덱스 × 보폭.",
    },
    "tensors.caption.reduce": {
        "en": "The red arrow marks the dim that disappears; the black frame shows which line of x makes each output element.",
        "ko": "빨간 화살표가 사라지는 차원입니다. 검은 테두리는 출력 원소 하나를 x의 어느 줄로 만드는지 보여 줍니다.",
    },
    "tensors.followed": {"en": "Followed element:", "ko": "따라가는 원소:"},
    "tensors.torch_error": {"en": "torch raised {kind}:", "ko": "torch가 {kind} 오류를 냈습니다:"},
    "tensors.shape_error.empty": {
        "en": "{field} is empty. Write 1 to 3 sizes separated by commas, e.g. 3,1.",
        "ko": "{field} 칸이 비어 있습니다. 쉼표로 나눈 크기 1~3개를 쓰세요. 예: 3,1",
    },
    "tensors.shape_error.not_int": {
        "en": "{field}: {part} is not a whole number. Write 1 to 3 sizes, each 1–6, separated by commas (e.g. 2,3,4).",
        "ko": "{field}: {part} 부분은 정수가 아닙니다. 1~6 사이 크기 1~3개를 쉼표로 나눠 쓰세요(예: 2,3,4).",
    },
    "tensors.shape_error.dims": {
        "en": "{field} has {part} sizes; this page draws tensors of 1 to 3 dims.",
        "ko": "{field}에 크기가 {part}개 있습니다. 이 페이지는 1~3차원 텐서만 그립니다.",
    },
    "tensors.shape_error.size": {
        "en": "{field}: size {part} is outside 1–6 (a new shape for view/reshape may be -1 or up to 216).",
        "ko": "{field}: 크기 {part} 값은 1~6 밖입니다(view/reshape의 새 모양은 -1이나 216까지 쓸 수 있습니다).",
    },
    "tensors.shape_error.hint": {
        "en": "The chart shows the default shape until this is fixed.",
        "ko": "고칠 때까지 그림은 기본 모양으로 그립니다.",
    },
    "tensors.rule.broadcast": {
        "en": "**Broadcasting failed.** Shapes are compared from the right. At dim {dim} ({right}. from the right) "
        "A has size {sa} and B has size {sb}: they differ and neither is 1, so neither can be stretched to the other.",
        "ko": "**브로드캐스팅 실패.** 모양은 오른쪽부터 비교합니다. {dim}번 차원(오른쪽에서 {right}번째)에서 A의 크기는 {sa}, "
        "B의 크기는 {sb}입니다. 두 크기가 다르고 어느 쪽도 1이 아니라서 한쪽을 늘려 맞출 수 없습니다.",
    },
    "tensors.rule.matmul_inner": {
        "en": "**Inner sizes differ.** A @ B takes a row of A times a column of B, so A's last size must equal B's "
        "second-to-last size (a 1-D B: its only size): here {ka} and {kb}. Shapes: A {a}, B {b}.",
        "ko": "**안쪽 크기가 다릅니다.** A @ B는 A의 행과 B의 열을 곱해 더하므로, A의 마지막 크기와 B의 끝에서 두 번째 "
        "크기(B가 1차원이면 그 크기)가 같아야 합니다. 지금은 {ka}, {kb}입니다. 모양: A {a}, B {b}.",
    },
    "tensors.rule.matmul_batch": {
        "en": "**Batch dims do not broadcast.** The dims in front of the matrices broadcast like +: at batch dim {dim} "
        "the sizes are {sa} and {sb}, and neither is 1.",
        "ko": "**배치 차원이 브로드캐스팅되지 않습니다.** 행렬 앞의 차원은 +처럼 브로드캐스팅합니다. 배치 차원 {dim}에서 "
        "크기가 {sa}, {sb}인데 어느 쪽도 1이 아닙니다.",
    },
    "tensors.rule.cat_rank": {
        "en": "**Different numbers of dims.** torch.cat joins tensors with the same number of dims: A has {ra}, B has {rb}. "
        "Add a dim first (unsqueeze or reshape).",
        "ko": "**차원 수가 다릅니다.** torch.cat은 차원 수가 같은 텐서끼리만 잇습니다. A는 {ra}차원, B는 {rb}차원입니다. "
        "먼저 unsqueeze나 reshape로 차원을 맞추세요.",
    },
    "tensors.rule.cat_size": {
        "en": "**Other dims must match.** torch.cat along dim {dim} only lets that dim differ: at dim {other} "
        "A has {sa} and B has {sb}.",
        "ko": "**나머지 차원이 같아야 합니다.** dim {dim} 방향으로 잇는 torch.cat은 그 차원만 달라도 됩니다. "
        "{other}번 차원에서 A는 {sa}, B는 {sb}입니다.",
    },
    "tensors.rule.stack_shape": {
        "en": "**Shapes must be equal.** torch.stack puts tensors side by side along a new dim, so they need the same "
        "shape: A is {a}, B is {b}.",
        "ko": "**모양이 같아야 합니다.** torch.stack은 새 차원을 만들어 나란히 놓으므로 모양이 같아야 합니다. "
        "A는 {a}, B는 {b}입니다.",
    },
    "tensors.rule.dim": {
        "en": "**dim out of range.** A tensor with {rank} dims takes dim from {lo} to {hi} (negative values count from "
        "the end); {dim} is outside.",
        "ko": "**dim이 범위를 벗어났습니다.** {rank}차원 텐서의 dim은 {lo}부터 {hi}까지입니다(음수는 끝에서부터 셉니다). "
        "{dim} 값은 그 밖입니다.",
    },
    "tensors.rule.view_size": {
        "en": "**Wrong number of elements.** x has {n} elements; the shape {target} must hold exactly that many "
        "(with -1, the other sizes must divide {n}).",
        "ko": "**원소 수가 맞지 않습니다.** x의 원소는 {n}개입니다. 새 모양 {target}에도 정확히 그만큼 들어가야 합니다"
        "(-1을 쓰면 나머지 크기의 곱이 {n}의 약수여야 합니다).",
    },
    "tensors.rule.view_infer": {
        "en": "**Only one -1.** torch can work out one missing size from the number of elements, not two.",
        "ko": "**-1은 하나만.** torch는 원소 수로 모르는 크기 하나는 계산하지만 둘은 정할 수 없습니다.",
    },
    "tensors.rule.view_stride": {
        "en": "**view never copies.** It only gives the same memory new strides. After transpose the elements are no "
        "longer in memory order (strides {strides}), and no strides can read them as the asked shape. "
        "Use .reshape() (it copies when it must) or call .contiguous() first.",
        "ko": "**view는 절대 복사하지 않습니다.** 같은 메모리에 보폭만 새로 붙입니다. 전치한 뒤에는 원소가 메모리 순서대로 있지 "
        "않아서(보폭 {strides}) 어떤 보폭으로도 원하는 모양으로 읽을 수 없습니다. .reshape()를 쓰거나(필요하면 복사합니다) "
        "먼저 .contiguous()를 부르세요.",
    },
    "tensors.metric.shape": {"en": "shape of {name}", "ko": "{name}의 모양"},
    "tensors.metric.copies": {"en": "cells copied in memory", "ko": "메모리에 복사한 칸"},
    "tensors.metric.copies_help": {
        "en": "Broadcasting copies nothing: the pale cells are read again through a stride of 0.",
        "ko": "브로드캐스팅은 아무것도 복사하지 않습니다. 흐린 칸은 보폭 0으로 같은 값을 다시 읽은 것입니다.",
    },
    "tensors.metric.shares": {"en": "same memory as x?", "ko": "x와 같은 메모리?"},
    "tensors.yes": {"en": "yes", "ko": "예"},
    "tensors.no": {"en": "no (a copy)", "ko": "아니요(복사본)"},
    "tensors.try.bias.name": {"en": "Add a bias row to a batch", "ko": "배치에 편향 한 줄 더하기"},
    "tensors.try.bias.what": {
        "en": "A (4, 3) + B (3,): B gets a new dim in front and is copied down all 4 rows, as a bias in nn.Linear is.",
        "ko": "A (4, 3) + B (3,): B 앞에 새 차원이 생기고 네 행 모두에 복사됩니다. nn.Linear의 편향이 바로 이렇게 더해집니다.",
    },
    "tensors.try.mismatch.name": {"en": "Shapes that do not fit", "ko": "맞지 않는 모양"},
    "tensors.try.mismatch.what": {
        "en": "(2, 3) + (3, 2): torch refuses. Read its message, then the rule that failed, in words.",
        "ko": "(2, 3) + (3, 2): torch가 계산을 거부합니다. torch의 메시지와 어떤 규칙이 깨졌는지 읽어 보세요.",
    },
    "tensors.try.view_error.name": {"en": "view after transpose fails", "ko": "전치한 뒤 view는 실패"},
    "tensors.try.view_error.what": {
        "en": "x.transpose(0, 1).view(12): the strides (1, 4) skip through memory, so torch refuses to view it as one row.",
        "ko": "x.transpose(0, 1).view(12): 보폭 (1, 4)로 메모리를 건너뛰며 읽으므로 torch가 한 줄로 보기를 거부합니다.",
    },
    "tensors.try.contiguous.name": {"en": "contiguous() makes a copy", "ko": "contiguous()는 복사본을 만든다"},
    "tensors.try.contiguous.what": {
        "en": "After transpose, contiguous() copies the numbers into a new memory s′ in the new order: strides become (3, 1).",
        "ko": "전치한 뒤 contiguous()는 숫자를 새 순서대로 새 메모리 s′에 복사합니다. 보폭이 (3, 1)이 됩니다.",
    },
    "tensors.try.keepdim.name": {"en": "Row sums that keep their dim", "ko": "차원을 남긴 행 합계"},
    "tensors.try.keepdim.what": {
        "en": "x.sum(dim=1, keepdim=True) has shape (3, 1): it broadcasts back against x, e.g. x / x.sum(1, keepdim=True).",
        "ko": "x.sum(dim=1, keepdim=True)의 모양은 (3, 1)입니다. 그래서 x / x.sum(1, keepdim=True)처럼 x와 다시 "
        "브로드캐스팅됩니다.",
    },
}
