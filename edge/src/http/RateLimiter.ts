/**
 * @module `RateLimiter`: one Durable Object per user (or per IP when signed out) counting that
 * caller's API requests. Why a Durable Object and not D1: every request would otherwise be a write
 * to the one primary database, adding its latency to every call and contending with real data;
 * a Durable Object is single-threaded (no lost updates between concurrent requests) and answers
 * from memory. The log is not persisted: if the object is evicted the count restarts, which at
 * worst lets one caller through a little early.
 */
import { DurableObject } from 'cloudflare:workers'
import type { Env } from '../env'
import { decide } from './slidingWindow'

export class RateLimiter extends DurableObject<Env> {
  private log: number[] = []

  async hit(limit: number, windowMs: number): Promise<{ allowed: boolean; retryAfterMs: number; remaining: number }> {
    const d = decide(this.log, Date.now(), limit, windowMs)
    this.log = d.log
    return { allowed: d.allowed, retryAfterMs: d.retryAfterMs, remaining: d.remaining }
  }

  /** `/health` asks this to know the class is deployed and answering. */
  async ping(): Promise<'pong'> {
    return 'pong'
  }
}
