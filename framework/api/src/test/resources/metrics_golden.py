# Golden values for MetricsTest: an independent NumPy implementation of MSE, PSNR and SSIM
# (Gaussian 11x11, sigma 1.5, valid window positions). Run: python3 metrics_golden.py
import numpy as np
def imgs(w,h):
    y,x=np.mgrid[0:h,0:w]
    ref=((x*7+y*13)%256).astype(np.float32)
    noise=(((x*y*31+x*3)%17)-8).astype(np.float32)
    return (ref+noise*3).astype(np.float32), ref
def ssim(a,b,L):
    a=a.astype(np.float64); b=b.astype(np.float64)
    r=5; g=np.exp(-(np.arange(11)-r)**2/(2*1.5**2)); g/=g.sum(); win=np.outer(g,g)
    H,W=a.shape; oh,ow=H-10,W-10
    def f(z):
        out=np.zeros((oh,ow))
        for i in range(11):
            for j in range(11):
                out+=win[i,j]*z[i:i+oh,j:j+ow]
        return out
    mx,my=f(a),f(b); sxx=f(a*a)-mx*mx; syy=f(b*b)-my*my; sxy=f(a*b)-mx*my
    c1=(0.01*L)**2; c2=(0.03*L)**2
    m=((2*mx*my+c1)*(2*sxy+c2))/((mx*mx+my*my+c1)*(sxx+syy+c2))
    return m.mean()
t,r=imgs(40,32)
mse=((t.astype(np.float64)-r)**2).mean()
print(repr(mse), repr(10*np.log10(255**2/mse)), repr(ssim(t,r,255)))
