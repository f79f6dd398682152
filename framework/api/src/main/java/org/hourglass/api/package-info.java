/** The Hourglass model-and-tensor service: create, load, train and apply autoencoder models. */
@Export
@Version("0.2.0")
package org.hourglass.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
