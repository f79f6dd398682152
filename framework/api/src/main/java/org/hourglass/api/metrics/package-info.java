/** Image quality metrics (MSE, PSNR, SSIM) on planes. */
@Export
@Version("0.1.0")
package org.hourglass.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
