/** Writing files safely: atomically, never half-written, never over what must not be replaced. */
@Export
@Version("0.1.0")
package org.hourglass.api.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
