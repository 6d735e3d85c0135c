#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>
int dtenge_ed25519_init(void);
int dtenge_ed25519_verify_batch(const unsigned char *sigs, const unsigned char *keys, const unsigned char *messages, const uint64_t *message_ends, uint32_t n);
int crypto_sign_keypair(unsigned char *pk, unsigned char *sk);
int crypto_sign_detached(unsigned char *sig, unsigned long long *siglen, const unsigned char *m, unsigned long long mlen, const unsigned char *sk);
int crypto_sign_verify_detached(const unsigned char *sig, const unsigned char *m, unsigned long long mlen, const unsigned char *pk);
void randombytes_buf(void *buf, size_t size);
static double now(){struct timespec t; clock_gettime(CLOCK_MONOTONIC,&t); return t.tv_sec+t.tv_nsec*1e-9;}
#define N 256
#define ML 150
unsigned char sigs[N*64], keys[N*32], msgs[N*ML], sks[N*64]; uint64_t ends[N];
int main(){
  if (dtenge_ed25519_init()) { printf("init failed\n"); return 1; }
  for (int i=0;i<N;i++){ crypto_sign_keypair(keys+32*i, sks+64*i); randombytes_buf(msgs+ML*i, ML); crypto_sign_detached(sigs+64*i,NULL,msgs+ML*i,ML,sks+64*i); ends[i]=(uint64_t)ML*(i+1);}
  for (int n=1;n<=N;n*=2){ int r=dtenge_ed25519_verify_batch(sigs,keys,msgs,ends,n); printf("n=%d valid -> %d\n",n,r);} 
  // corrupt
  int bad=0;
  for (int t=0;t<200;t++){ int n=1+rand()%64; int i=rand()%n; int which=rand()%3; int byte;
    unsigned char save[64]; memcpy(save, sigs+64*i,64); unsigned char ks[32]; memcpy(ks,keys+32*i,32); unsigned char mb=msgs[ML*i];
    if(which==0){byte=rand()%64; sigs[64*i+byte]^=1<<(rand()%8);} else if(which==1){keys[32*i+rand()%32]^=1<<(rand()%8);} else msgs[ML*i]^=1;
    int r=dtenge_ed25519_verify_batch(sigs,keys,msgs,ends,n); int s=crypto_sign_verify_detached(sigs+64*i,msgs+ML*i,ML,keys+32*i);
    if(r==0 || s==0) {bad++; printf("corrupt accepted? batch %d sodium %d which %d\n", r, s, which);} 
    memcpy(sigs+64*i,save,64); memcpy(keys+32*i,ks,32); msgs[ML*i]=mb; }
  printf("corruptions accepted: %d\n",bad);
  int sizes[]={1,2,4,8,16,32,64,128,256}; if (getenv("QUICK")) return 0;
  for(int k=0;k<9;k++){int n=sizes[k]; int reps= 20000/n+1; double t0=now(); for(int r=0;r<reps;r++) if(dtenge_ed25519_verify_batch(sigs,keys,msgs,ends,n)) {printf("fail\n");return 1;} double t=now()-t0; printf("batch n=%3d: %.2f us/sig\n", n, t/reps/n*1e6);}
  double t0=now(); int reps=20000; for(int r=0;r<reps;r++) if(crypto_sign_verify_detached(sigs+64*(r%N),msgs+ML*(r%N),ML,keys+32*(r%N))) return 1; printf("libsodium single: %.2f us/sig\n",(now()-t0)/reps*1e6);
}
