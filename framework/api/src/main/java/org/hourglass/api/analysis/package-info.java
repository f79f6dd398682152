/** Plain analyses of codes and images as vectors: principal components and nearest neighbours. */
@Export
@Version("0.1.0")
package org.hourglass.api.analysis;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
