/**
 * The bridge between ImageJ and the Hourglass service: {@code ij.ImagePlus} and imglib2 images as planes
 * and back, input checks shared by all commands, image folders, the base class of Hourglass commands,
 * progress reporting and training displays (status bar, live loss plot, finish early / cancel).
 */
@Export
@Version("0.1.0")
package org.hourglass.imagej;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
