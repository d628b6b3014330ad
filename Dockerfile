# Storyline in a container: `docker build -t storyline .`, then see "Deploying" in README.md.

# Build stage: every dependency, TypeScript compiled to dist/, then the dev dependencies dropped.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 installs a prebuilt binary when one matches; the compiler is its fallback.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: node, the production dependencies and dist/; no compiler, no sources, no tsx.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    STATE_DB=/state/storyline.sqlite \
    CACHE_DIR=/cache \
    HEARTBEAT_FILE=/tmp/storyline.heartbeat
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The seed story, so a new data volume starts with it; mount your own DATA_DIR over it.
COPY --chown=node:node data /data
RUN mkdir -p /state /cache && chown node:node /state /cache
# The image's own user, uid 1000: the volumes must be writable by it (the cache and state are written).
USER node
VOLUME ["/data", "/state", "/cache"]
# Healthy while the bot rewrites its heartbeat file (every 15 s, from the moment it is connected
# to Discord and serving): a stopped, crashed or stuck event loop stops it within a minute.
# A very large story loads for longer than start-period: raise it for one.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "dist/src/health/check-heartbeat.js"]
# node itself as the main process, so SIGTERM (docker stop) reaches the bot's clean shutdown.
CMD ["node", "dist/src/main.js"]
