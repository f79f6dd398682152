// Hourglass: train a small self-supervised denoise model on a noisy image, then denoise the image with it.
//
// Workbench:  hourglass macro samples/macros/denoise-train-and-apply.ijm /path/to/results/
//             (on a server: xvfb-run -a hourglass macro ...)
// Fiji:       set 'out' and 'image' below, then Plugins > Macros > Run...
//
// Keys are the commands' parameter names in lower case (see docs/MACROS.md); a key left out takes the
// command's default. 'overwrite' lets the macro run again over its own earlier results.

out = getArgument();
if (out == "") out = getDirectory("temp");
if (!endsWith(out, File.separator)) out = out + File.separator;
image = getDirectory("imagej") + "samples" + File.separator + "images" + File.separator + "sem-noisy.tif";

open(image);
noisy = getTitle();
model = out + "sem-model.zip";
run("Hourglass Denoise Train (self-supervised)", "input=[" + noisy + "] epochs=2 stepsperepoch=10 batchsize=8 " +
	"modelfile=[" + model + "] overwrite");
run("Hourglass Denoise", "modelfile=[" + model + "] input=[" + noisy + "]");
saveAs("Tiff", out + "sem-denoised.tif");
print("denoised " + noisy + " into " + out + "sem-denoised.tif");
