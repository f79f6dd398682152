/**
 * The skeleton every autoencoder variant is written on: its descriptor, the generic training command it
 * extends (its parameters, flow and outputs), applying a model to images, stacks, channels and folders, and
 * comparing images with metrics. A variant adds its network, its pair maker, its loss and its defaults.
 */
@Export
@Version("0.1.0")
package org.hourglass.imagej.variant;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
