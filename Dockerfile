# A pinned image in which `folio release` is reproducible byte for byte: Debian bookworm with
# Chromium, Java, EPUBCheck, poppler and qpdf (installed by .ci/setup-system.sh, the set-up of
# .ci/run and of the GitHub Action), Node.js, and Folio installed from its packed tarball.
#   docker build -t folio .
#   docker run --rm -v "$PWD:/book" folio release      # in a book's folder
# Pinning: NODE_IMAGE names the Node.js image by tag; pin it by digest (node:22-bookworm-slim@sha256:…)
# when publishing. DEBIAN_SNAPSHOT fixes the Debian packages to one day of snapshot.debian.org, so
# that a rebuild of the image months later holds the same Chromium and the same fonts.
ARG NODE_IMAGE=node:22-bookworm-slim
ARG DEBIAN_SNAPSHOT=20261201T000000Z

FROM ${NODE_IMAGE} AS pack
WORKDIR /folio
COPY package.json package-lock.json ./
RUN PUPPETEER_SKIP_DOWNLOAD=true ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm pack --pack-destination /tmp

FROM ${NODE_IMAGE}
ARG DEBIAN_SNAPSHOT
RUN printf 'deb [check-valid-until=no] http://snapshot.debian.org/archive/debian/%s bookworm main\ndeb [check-valid-until=no] http://snapshot.debian.org/archive/debian-security/%s bookworm-security main\n' "$DEBIAN_SNAPSHOT" "$DEBIAN_SNAPSHOT" > /etc/apt/sources.list \
  && rm -f /etc/apt/sources.list.d/debian.sources
COPY .ci/setup-system.sh /usr/local/lib/folio/setup-system.sh
RUN bash /usr/local/lib/folio/setup-system.sh && rm -rf /var/lib/apt/lists/*
COPY --from=pack /tmp/folio-press-*.tgz /tmp/
ENV PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium PUPPETEER_SKIP_DOWNLOAD=true
RUN npm install --global --no-audit --no-fund /tmp/folio-press-*.tgz && rm /tmp/folio-press-*.tgz \
  && git config --system --add safe.directory '*'
WORKDIR /book
ENTRYPOINT ["folio"]
CMD ["build"]
