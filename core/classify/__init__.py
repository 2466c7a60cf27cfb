"""Classification on 2-D toy data (/logistic-regression): datasets, the model and its training, hand-written gradients."""
