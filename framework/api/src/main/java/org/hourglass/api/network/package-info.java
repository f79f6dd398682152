/** The vocabulary a variant uses to declare its network and loss; the engine builds it. */
@Export
@Version("0.3.0")
package org.hourglass.api.network;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
