/** Images as single-channel float planes, their statistics and normalisation. */
@Export
@Version("0.1.0")
package org.hourglass.api.image;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
