package org.hourglass.api.network;

/** Activation functions a network description can name. */
public enum Activation {
	LINEAR, RELU, LEAKY_RELU, SIGMOID, TANH
}
