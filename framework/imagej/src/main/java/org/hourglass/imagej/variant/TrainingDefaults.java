package org.hourglass.imagej.variant;

/**
 * The values a variant's training command starts with (what its dialog shows and a macro gets when it
 * leaves a key out).
 *
 * @param batchSize patches per step
 * @param epochs epochs
 * @param stepsPerEpoch steps per epoch
 * @param learningRate Adam's initial learning rate
 * @param minutes the time budget, 0 = none
 */
public record TrainingDefaults(int batchSize, int epochs, int stepsPerEpoch, double learningRate, double minutes) {}
