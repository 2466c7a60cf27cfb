"""Recurrent nets (/rnn-unrolling): input sequences, the unrolled recurrence, training and backpropagation through time."""
