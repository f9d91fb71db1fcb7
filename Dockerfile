# syntax=docker/dockerfile:1
# Accord API image: build with every dependency, run with production dependencies only, as a
# non-root user (the embedded PostgreSQL refuses to run as root; with DATABASE_URL it is unused).

# Node 24 (LTS): its AsyncLocalStorage, which tags log lines with the request id, costs nothing.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compiles apps/api and apps/cli (with the tools they use) to dist/, then drops dev dependencies.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/accord/data
WORKDIR /app
RUN groupadd --system --gid 10001 accord \
 && useradd --system --uid 10001 --gid accord --home-dir /var/lib/accord --shell /usr/sbin/nologin accord \
 && mkdir -p /var/lib/accord/data \
 && chown -R accord:accord /var/lib/accord
# Owned by root, read-only to the app's user: the code cannot be changed by the process.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER accord
# The embedded database and its generated secrets, when DATABASE_URL is not set.
VOLUME ["/var/lib/accord/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "require('http').get({host:'127.0.0.1',port:process.env.PORT||3000,path:'/health',timeout:4000},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# npm forwards SIGTERM to the app, which drains requests (SHUTDOWN_GRACE) before it exits.
CMD ["npm", "run", "start:prod"]
