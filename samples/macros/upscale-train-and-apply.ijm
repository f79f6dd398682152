// Hourglass: train a small x2 super-resolution model on the bundled nuclei image (it makes its own
// low-resolution inputs by bicubic downscaling), then upscale the image with it.
//
// Workbench:  hourglass macro samples/macros/upscale-train-and-apply.ijm /path/to/results/
//             (on a server: xvfb-run -a hourglass macro ...)
// Fiji:       set 'out' and 'image' below, then Plugins > Macros > Run...
//
// Keys are the commands' parameter names in lower case (docs/MACROS.md). A real training runs longer (the
// shipped upscale-x2 trained 33 minutes on 400 images; docs/UPSCALE.md).

out = getArgument();
if (out == "") out = getDirectory("temp");
if (!endsWith(out, File.separator)) out = out + File.separator;
image = getDirectory("imagej") + "samples" + File.separator + "images" + File.separator + "nuclei-2d.tif";

open(image);
nuclei = getTitle();
model = out + "nuclei-x2.zip";
run("Hourglass Upscale Train", "input=[" + nuclei + "] factor=2 epochs=1 stepsperepoch=5 batchsize=4 " +
	"patchsize=32 depth=1 filters=8 modelfile=[" + model + "] overwrite");
run("Hourglass Upscale", "modelfile=[" + model + "] input=[" + nuclei + "]");
saveAs("Tiff", out + "nuclei-x2.tif");
print("upscaled " + nuclei + " to " + getWidth() + "x" + getHeight() + " into " + out + "nuclei-x2.tif");
