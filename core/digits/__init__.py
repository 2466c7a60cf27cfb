"""scikit-learn's 8×8 handwritten digits, shared by /digits-project (an MLP project) and /representation
(an autoencoder): one stratified split, train-only normalisation, and the models trained on them."""
