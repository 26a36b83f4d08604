"""ConvStudio: step through the 2-D convolution of convolutional networks."""

__version__ = "0.7.0"
