"""Convolution (/cnn-filters): one kernel over one image, input images and uploads, a small CNN trained on digits."""
