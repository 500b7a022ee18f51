# Closer: multi-stage image. The build stage has the dev tools (Vite, Svelte, TypeScript); the runtime
# stage has only production dependencies, the compiled server (build/) and the built client (dist/client).
#   docker build -t closer .
#   docker run --rm -p 3000:3000 closer            # in-memory store
#   docker compose up --build                      # with Redis (see docker-compose.yml)

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build ----------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# Dependencies first, so editing sources does not reinstall them. .npmrc carries engine-strict=true.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

# Only what `vite build && tsc -p tsconfig.build.json` reads (tests, docs and scripts stay out).
COPY tsconfig*.json vite.config.ts svelte.config.js ./
COPY shared/ shared/
COPY server/ server/
COPY client/ client/
RUN npm run build

# ---- runtime --------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app

# package.json is also needed at run time: its "type": "module" makes build/**/*.js ES modules.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --from=build /app/build ./build
COPY --from=build /app/dist/client ./dist/client

# Files stay root-owned (read-only for the app); the process runs unprivileged.
USER node
EXPOSE 3000

# Liveness only (/healthz). Readiness (/readyz, store reachable) is checked by the orchestrator/compose.
# Slim images have no curl: use Node's built-in fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node itself is PID 1's command (not npm start, which would also rebuild): SIGTERM reaches the server's
# graceful shutdown (SHUTDOWN_GRACE_SECONDS, default 10 s).
CMD ["node", "build/server/main.js"]
