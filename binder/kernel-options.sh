# The "Java (DensityLab)" kernelspec options on Binder (~2 GB of memory): 768 MB heap + 512 MB off-heap,
# C1-only JIT, quick mode on. binder/postBuild installs the kernel with them and CI (.ci/notebooks.sh)
# executes every notebook with them, so a notebook that does not fit Binder fails CI.
BINDER_KERNEL_OPTIONS=(--heap 768m --offheap 512m --fast-start --env DENSITYLAB_QUICK=1)
