/** Images as float planes of one or more channels, their statistics and normalisation. */
@Export
@Version("0.2.0")
package org.hourglass.api.image;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
